"use client";

import { BrowserCodeReader, BrowserMultiFormatReader, type IScannerControls } from "@zxing/browser";
import { BarcodeFormat, DecodeHintType, type Result } from "@zxing/library";
import { expandUpcE } from "@/lib/gs1/expand-upc-e";
import { useEffect, useRef, useState } from "react";

const FORMATS = [
  BarcodeFormat.EAN_13,
  BarcodeFormat.EAN_8,
  BarcodeFormat.UPC_A,
  BarcodeFormat.UPC_E,
  BarcodeFormat.CODE_128,
  BarcodeFormat.CODE_39,
  BarcodeFormat.ITF,
  BarcodeFormat.QR_CODE,
  BarcodeFormat.DATA_MATRIX,
];
/** The same code seen again within this long is the same scan (the camera reads a held code many times a second). */
const REPEAT_MS = 2_000;

type CameraState =
  { status: "starting" } | { status: "scanning"; hasTorch: boolean; cameraCount: number } | { status: "unavailable"; message: string };

function newReader() {
  // ASSUME_GS1: without it ZXing drops FNC1 from GS1-128 and a variable-length lot swallows the next AI.
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, FORMATS],
    [DecodeHintType.ASSUME_GS1, true],
  ]);
  return new BrowserMultiFormatReader(hints, { delayBetweenScanAttempts: 80, delayBetweenScanSuccess: 300 });
}

/** UPC-E is printed short; its GTIN is the UPC-A it expands to. */
function scannedText(result: Result): string {
  const text = result.getText();
  return result.getBarcodeFormat() === BarcodeFormat.UPC_E ? expandUpcE(text) : text;
}

function explain(error: unknown): string {
  const name = (error as { name?: string })?.name;
  if (name === "NotAllowedError" || name === "SecurityError")
    return "Camera permission was refused. Allow the camera in the browser's site settings, or type the code below.";
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "DevicesNotFoundError")
    return "No camera was found on this device. Type or scan the code into the field below.";
  if (name === "NotReadableError") return "The camera is in use by another app. Close it, or type the code below.";
  if (typeof navigator !== "undefined" && !navigator.mediaDevices)
    return "This page cannot use the camera here (it needs HTTPS). Type the code below.";
  return "The camera could not start. Type the code below.";
}

/** The rear camera with a viewfinder, decoding continuously; camera switch and torch where the device has them. */
export function CameraScanner({ onScan }: { onScan: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const controls = useRef<IScannerControls | null>(null);
  const lastRead = useRef<{ text: string; at: number } | null>(null);
  const latest = useRef(onScan);
  const [state, setState] = useState<CameraState>({ status: "starting" });
  const [deviceIndex, setDeviceIndex] = useState<number | null>(null);
  const [isTorchOn, setTorchOn] = useState(false);

  useEffect(() => {
    latest.current = onScan;
  });

  useEffect(() => {
    let isStopped = false;
    async function start() {
      try {
        const devices = await BrowserCodeReader.listVideoInputDevices().catch(() => []);
        const deviceId = deviceIndex === null ? undefined : devices[deviceIndex % Math.max(devices.length, 1)]?.deviceId;
        const constraints: MediaStreamConstraints = {
          video: deviceId ? { deviceId: { exact: deviceId } } : { facingMode: { ideal: "environment" } },
        };
        const started = await newReader().decodeFromConstraints(constraints, video.current!, (result) => {
          if (!result) return;
          const text = scannedText(result);
          const now = Date.now();
          if (lastRead.current && lastRead.current.text === text && now - lastRead.current.at < REPEAT_MS) return;
          lastRead.current = { text, at: now };
          latest.current(text);
        });
        if (isStopped) return started.stop();
        controls.current = started;
        setState({ status: "scanning", hasTorch: Boolean(started.switchTorch), cameraCount: devices.length });
      } catch (error) {
        if (!isStopped) setState({ status: "unavailable", message: explain(error) });
      }
    }
    void start();
    return () => {
      isStopped = true;
      controls.current?.stop();
      controls.current = null;
    };
  }, [deviceIndex]);

  async function toggleTorch() {
    await controls.current?.switchTorch?.(!isTorchOn);
    setTorchOn(!isTorchOn);
  }

  if (state.status === "unavailable") {
    return (
      <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        {state.message}
      </p>
    );
  }
  return (
    <div className="relative overflow-hidden rounded-xl bg-black" data-testid="camera-scanner">
      <video ref={video} className="aspect-[4/3] w-full object-cover" muted playsInline aria-label="Camera view" />
      {/* Viewfinder: where to hold the code. */}
      <div
        aria-hidden
        className="pointer-events-none absolute inset-x-[12%] inset-y-[22%] rounded-lg border-4 border-white/80 shadow-[0_0_0_9999px_rgba(0,0,0,0.35)]"
      />
      <p className="absolute inset-x-0 top-2 text-center text-xs font-medium text-white/90">
        {state.status === "starting" ? "Starting the camera…" : "Hold the barcode inside the frame"}
      </p>
      <div className="absolute inset-x-0 bottom-2 flex justify-center gap-2">
        {state.status === "scanning" && state.cameraCount > 1 && (
          <button
            type="button"
            onClick={() => setDeviceIndex((i) => (i ?? 0) + 1)}
            className="min-h-11 rounded-full bg-white/90 px-4 text-sm font-medium text-slate-900"
          >
            Switch camera
          </button>
        )}
        {state.status === "scanning" && state.hasTorch && (
          <button
            type="button"
            onClick={toggleTorch}
            aria-pressed={isTorchOn}
            className="min-h-11 rounded-full bg-white/90 px-4 text-sm font-medium text-slate-900"
          >
            {isTorchOn ? "Torch off" : "Torch on"}
          </button>
        )}
      </div>
    </div>
  );
}
