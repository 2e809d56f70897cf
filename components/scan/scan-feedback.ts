"use client";

/**
 * Sound and vibration after a scan, so a clerk looking at the shelf knows without looking at the phone:
 * one short high beep for a good read, two low buzzes for a wrong one.
 */
let audio: AudioContext | null = null;

function tone(frequency: number, startsIn: number, seconds: number, type: OscillatorType) {
  audio ??= new AudioContext();
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = type;
  oscillator.frequency.value = frequency;
  gain.gain.value = 0.15;
  oscillator.connect(gain).connect(audio.destination);
  const start = audio.currentTime + startsIn;
  oscillator.start(start);
  oscillator.stop(start + seconds);
}

export function signalScan(outcome: "ok" | "wrong") {
  try {
    if (outcome === "ok") tone(1760, 0, 0.08, "sine");
    else {
      tone(220, 0, 0.15, "square");
      tone(220, 0.22, 0.15, "square");
    }
    navigator.vibrate?.(outcome === "ok" ? 50 : [120, 60, 120]);
  } catch {
    // No audio device or autoplay refused: the on-screen colour still says it.
  }
}
