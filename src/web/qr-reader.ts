// Reads QR codes from camera frames and photos in the page: the browser's own
// BarcodeDetector where it has one for QR codes (Chrome on Android, Safari), jsQR on a
// canvas elsewhere. Nothing read here leaves the device.

/** The longest side a frame or photo is scaled to before jsQR reads it: a phone photo of
 * 4000 px would take seconds on an older phone, and a postcard's QR code is still large
 * enough at this size. */
export const MAX_DECODE_SIDE = 1280;

export type QrDecoderName = 'barcode-detector' | 'jsqr';

export interface QrReader {
  decoder: QrDecoderName;
  /** The text of the first QR code in the image, or null when none is found. */
  read(image: ImageBitmap | HTMLVideoElement): Promise<string | null>;
}

/** The part of the Barcode Detection API used here (not in TypeScript's DOM types yet). */
interface BarcodeDetectorLike {
  detect(image: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

async function nativeDetector(): Promise<BarcodeDetectorLike | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Detector === undefined) return null;
  try {
    return (await Detector.getSupportedFormats()).includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

function sizeOf(image: ImageBitmap | HTMLVideoElement): { width: number; height: number } {
  return image instanceof HTMLVideoElement ? { width: image.videoWidth, height: image.videoHeight } : { width: image.width, height: image.height };
}

export async function createQrReader(): Promise<QrReader> {
  const detector = await nativeDetector();
  if (detector !== null) {
    return {
      decoder: 'barcode-detector',
      read: async (image) => (await detector.detect(image))[0]?.rawValue ?? null,
    };
  }
  // Loaded only when the browser cannot read QR codes itself.
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return {
    decoder: 'jsqr',
    read: async (image) => {
      const { width, height } = sizeOf(image);
      if (context === null || width === 0 || height === 0) return null;
      const scale = Math.min(1, MAX_DECODE_SIDE / Math.max(width, height));
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      return jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
    },
  };
}
