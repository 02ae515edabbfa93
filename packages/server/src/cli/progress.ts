import { SingleBar } from 'cli-progress';

/** A progress bar on stderr (so stdout stays machine-readable); silent when stderr is not a terminal. */
export function progressBar(label: string, unit: string): SingleBar {
  return new SingleBar({
    stream: process.stderr,
    format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {detail} | ETA {eta_formatted}`,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    noTTYOutput: false,
    etaBuffer: 50,
  });
}
