import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, devices, type Browser } from "@playwright/test";
import bwipjs from "bwip-js/node";
import { CHROMIUM_ARGS, chromiumPath } from "./chromium-path";

const CLIP_DIR = fileURLToPath(new URL("../test-results/camera-clips", import.meta.url));

/**
 * Renders a barcode with bwip-js and turns it into a camera-like clip for Chromium's fake camera: 640x480,
 * 15 fps, 2 s, slightly blurred, noisy and wobbling (as ../shared/data/barcodes/make_videos.sh does).
 */
export async function barcodeClip(name: string, bcid: string, text: string): Promise<string> {
  mkdirSync(CLIP_DIR, { recursive: true });
  const png = join(CLIP_DIR, `${name}.png`);
  const clip = join(CLIP_DIR, `${name}.y4m`);
  writeFileSync(png, await bwipjs.toBuffer({ bcid, text, scale: 4, paddingwidth: 10, paddingheight: 10, backgroundcolor: "FFFFFF" }));
  const square = bcid.includes("datamatrix") || bcid.includes("qr");
  // Long GS1-128 symbols fill the frame's width, as a clerk would hold the phone.
  const fit = square ? "scale=300:-2:flags=neighbor" : "scale=w=620:h=440:force_original_aspect_ratio=decrease:force_divisible_by=2";
  const camera = "rotate='0.04*sin(2*PI*t/2)':c=white,gblur=sigma=0.5,noise=alls=8:allf=t,format=yuv420p";
  execFileSync("ffmpeg", [
    "-hide_banner",
    "-loglevel",
    "error",
    "-y",
    "-loop",
    "1",
    "-i",
    png,
    "-vf",
    `${fit},pad=640:480:(ow-iw)/2:(oh-ih)/2:color=white,${camera}`,
    "-t",
    "2",
    "-r",
    "15",
    "-f",
    "yuv4mpegpipe",
    clip,
  ]);
  return clip;
}

/** A phone-sized browser whose camera plays the clip; one clip per launch, as Chromium's fake device allows. */
export async function launchWithCamera(clip: string): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath() ?? undefined,
    args: [...CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${clip}`],
  });
}

export const PHONE = devices["Pixel 7"];

export function hasFfmpeg(): boolean {
  try {
    execFileSync("ffmpeg", ["-version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
