import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, saveScreenshot, signIn, switchLanguage, useInterfaceLanguage } from './support.js';

/**
 * The network administrator sets how long data is kept (docs/people.md, "Retention and
 * anonymisation"): the rule for every unit, a case-file document type for one unit picked from the
 * suggestions, a type of one's own, a change and a deletion; then the dry run of the nightly task.
 */

async function addRule(page: Page, rule: { unit?: string; documentType?: { type: string; pick?: RegExp }; years: string; note?: string }) {
  await page.getByRole('button', { name: 'Add a rule' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a retention rule' });
  if (rule.unit) {
    await dialog.getByRole('combobox', { name: 'Unit' }).fill(rule.unit);
    await page.getByRole('option', { name: rule.unit }).first().click();
  }
  if (rule.documentType) {
    await dialog.getByText('A document type', { exact: true }).click();
    const type = dialog.getByRole('combobox', { name: 'A document type' });
    await type.fill(rule.documentType.type);
    if (rule.documentType.pick) await page.getByRole('option', { name: rule.documentType.pick }).click();
  }
  await dialog.getByRole('textbox', { name: 'Years kept' }).fill(rule.years);
  if (rule.note) await dialog.getByRole('textbox', { name: 'Note' }).fill(rule.note);
  await dialog.getByRole('button', { name: 'Save' }).click();
  return dialog;
}

test('a network administrator keeps data per unit and document type, and sees what the nightly task would do', async ({ page, browser }) => {
  await useInterfaceLanguage(page, 'en');
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Data retention' }).click();
  await expect(page).toHaveURL(/\/office\/retention$/);
  await expect(page.getByRole('heading', { name: 'Data retention', level: 1 })).toBeVisible();
  const rules = page.getByTestId('retention-rules');

  // The rule for every unit, for the person as a whole.
  await addRule(page, { years: '8', note: 'Administrative procedure law' });
  await expect(rules.getByRole('row', { name: /Every unit\s*The person as a whole\s*8 years\s*Administrative procedure law/ })).toBeVisible();

  // A case-file document type for one unit, found by its label among the suggestions.
  await addRule(page, { unit: 'Gabinete de Apoio Social', documentType: { type: 'Pay', pick: /Payslip/ }, years: '3' });
  await expect(rules.getByRole('row', { name: /Gabinete de Apoio Social.*Lisboa\s*Payslip \(payslip\)\s*3 years/ })).toBeVisible();

  // A type of one's own: the shape the case file names types in, checked before saving.
  const dialog = await addRule(page, { documentType: { type: 'Work Visa' }, years: '2' });
  await expect(dialog.getByText('Use 2 to 40 lower-case letters, digits or _, starting with a letter.')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'A document type' }).fill('work_visa');
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(rules.getByRole('row', { name: /Every unit\s*work_visa \(work_visa\)\s*2 years/ })).toBeVisible();

  // Change the years of one rule; delete another.
  await rules.getByRole('button', { name: /^Change the rule for Gabinete de Apoio Social · .*Lisboa: Payslip$/ }).click();
  const edit = page.getByRole('dialog', { name: 'Change a retention rule' });
  await expect(edit.getByRole('combobox', { name: 'A document type' })).toBeDisabled();
  await edit.getByRole('textbox', { name: 'Years kept' }).fill('4');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(rules.getByRole('row', { name: /Gabinete de Apoio Social.*Lisboa\s*Payslip \(payslip\)\s*4 years/ })).toBeVisible();
  await rules.getByRole('button', { name: 'Delete the rule for Every unit: work_visa' }).click();
  await page.getByRole('dialog', { name: 'Delete this rule?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(rules.getByText('work_visa')).toHaveCount(0);
  await expect(rules.getByRole('row')).toHaveCount(3);

  // The dry run: the demo's people were all seen today, so nobody and nothing is due.
  await page.getByRole('button', { name: 'Run the dry run' }).click();
  const report = page.getByTestId('retention-report');
  await expect(report).toContainText('0 people would be anonymised and 0 documents deleted; 0 people are held back');
  await expect(report).toContainText('The rule for every unit keeps people 8 years');
  await expect(report.getByText('Nobody is past retention.')).toBeVisible();
  await expect(report.getByText("No document is past its type's rule.")).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'retention');
  await saveScreenshot(page, 'retention');

  await switchLanguage(page, 'العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'الاحتفاظ بالبيانات', level: 1 })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'retention (ar)');

  // Nobody else sets retention: a centre manager has no such menu entry.
  const manager = await (await browser.newContext()).newPage();
  await useInterfaceLanguage(manager, 'en');
  await signIn(manager, 'manager.lisboa');
  await expect(manager.getByRole('link', { name: 'Referrals' }).or(manager.getByRole('link', { name: 'People' })).first()).toBeVisible();
  await expect(manager.getByRole('link', { name: 'Data retention' })).toHaveCount(0);
});
