import { type RefObject, useCallback, useRef } from 'react';

export type ScanOutcome = 'ok' | 'error';

let audio: AudioContext | null = null;

/**
 * A short high beep for a good scan, a low double buzz for a refused one: the packer's eyes are
 * on the goods, not the screen. Silent where the browser has no audio.
 */
export function beep(outcome: ScanOutcome): void {
  try {
    audio ??= new AudioContext();
    const tones =
      outcome === 'ok'
        ? [{ hz: 1320, at: 0, for: 0.09 }]
        : [0, 0.18].map((at) => ({ hz: 180, at, for: 0.14 }));
    for (const tone of tones) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = outcome === 'ok' ? 'sine' : 'square';
      oscillator.frequency.value = tone.hz;
      gain.gain.value = 0.08;
      oscillator.connect(gain).connect(audio.destination);
      const start = audio.currentTime + tone.at;
      oscillator.start(start);
      oscillator.stop(start + tone.for);
    }
  } catch {
    // No audio device or autoplay refused: the flash and the message still tell.
  }
}

const flashColors: Record<ScanOutcome, string> = { ok: '#b7eb8f', error: '#ffa39e' };

/** Beeps and flashes the element green or red; returns the ref to put on it and the trigger. */
export function useScanFeedback<T extends HTMLElement>(): [
  RefObject<T | null>,
  (outcome: ScanOutcome) => void,
] {
  const ref = useRef<T>(null);
  const signal = useCallback((outcome: ScanOutcome) => {
    beep(outcome);
    ref.current?.animate([{ backgroundColor: flashColors[outcome] }, { backgroundColor: 'transparent' }], {
      duration: outcome === 'ok' ? 600 : 1200,
      easing: 'ease-out',
    });
  }, []);
  return [ref, signal];
}
