import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconCamera, IconCameraOff } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage } from 'react-intl';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

/** The browser's QR reader (Shape Detection API), where it has one: most kiosks use a hardware scanner instead. */
function barcodeDetector(): BarcodeDetectorConstructor | null {
  const candidate = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  return typeof candidate === 'function' && typeof navigator.mediaDevices?.getUserMedia === 'function' ? candidate : null;
}

export const cameraScanAvailable = () => barcodeDetector() !== null;

/**
 * Reads a QR code with the kiosk's camera and hands over its text once. Shown only when the browser
 * can; the camera stops as soon as a code is read, the person stops it, or the step is left.
 */
export function KioskCameraScan({ onScanned }: { onScanned: (text: string) => void }) {
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const deliver = useRef(onScanned);
  useEffect(() => {
    deliver.current = onScanned;
  }, [onScanned]);

  useEffect(() => {
    const Detector = barcodeDetector();
    if (!on || !Detector) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'user' }, audio: false })
      .then(async (media) => {
        stream = media;
        if (stopped || !video.current) return stop();
        video.current.srcObject = media;
        await video.current.play();
        const detector = new Detector({ formats: ['qr_code'] });
        timer = setInterval(() => {
          if (!video.current || video.current.readyState < 2) return;
          void detector.detect(video.current).then((codes) => {
            const text = codes[0]?.rawValue;
            if (!text || stopped) return;
            stop();
            setOn(false);
            deliver.current(text);
          });
        }, 300);
      })
      .catch(() => {
        setFailed(true);
        setOn(false);
      });
    return stop;
  }, [on]);

  return (
    <Stack gap="sm" align="center">
      {on ? (
        <>
          <video ref={video} muted playsInline style={{ width: 480, maxWidth: '100%', borderRadius: 16, background: '#000' }} />
          <Text fz={22}>
            <FormattedMessage id="kiosk.checkIn.cameraHelp" />
          </Text>
        </>
      ) : null}
      {failed ? (
        <Alert color="orange">
          <Text fz={22}>
            <FormattedMessage id="kiosk.checkIn.cameraFailed" />
          </Text>
        </Alert>
      ) : null}
      <Button size="xl" mih={64} variant="default" leftSection={on ? <IconCameraOff size={28} /> : <IconCamera size={28} />} onClick={() => setOn(!on)} data-testid="kiosk-camera">
        <FormattedMessage id={on ? 'kiosk.checkIn.cameraStop' : 'kiosk.checkIn.camera'} />
      </Button>
    </Stack>
  );
}
