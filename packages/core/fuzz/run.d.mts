import type { FuzzInput } from './inputs.mjs';
export interface FuzzResult {
  name: string;
  entry: FuzzInput['entry'];
  chars: number;
  status: 'ok' | 'crash' | 'hang' | 'memory';
  outcome?: string;
  error?: string;
  ms: number;
  heapMb?: number;
}
export function runFuzz(
  inputs: FuzzInput[],
  options: { deadlineMs(input: FuzzInput): number; heapMb?: number; onResult?(result: FuzzResult): void },
): Promise<FuzzResult[]>;
