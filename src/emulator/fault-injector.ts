/**
 * Fault injection: rates drawn from a seeded generator (repeatable) and count-based schedules ("the next N
 * requests", optionally of one operation), changeable while the emulator runs.
 */
import type { FaultController, FaultKind, FaultOptions, OperationName, ScheduledFault } from './types.js';

/** mulberry32: a tiny seeded generator, enough for fault rates. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkRate(name: string, value: number | undefined): void {
  if (value !== undefined && !(value >= 0 && value <= 1)) throw new RangeError(`${name} must be between 0 and 1; got ${value}.`);
}

/** Faults decided before the operation runs. */
export type RequestFault = Extract<FaultKind, 'throttle' | 'error' | 'reset'>;

/** The fault controller plus the decisions the server asks of it. */
export class FaultInjector implements FaultController {
  private throttleRate = 0;
  private errorRate = 0;
  private resetRate = 0;
  private latencyMs = 0;
  private schedules: ScheduledFault[] = [];
  private random: () => number;
  readonly injected: Record<FaultKind, number> = { throttle: 0, error: 0, reset: 0, 'lose-create-response': 0 };

  constructor(options: FaultOptions = {}) {
    this.random = seededRandom(options.seed ?? Math.floor(Math.random() * 2 ** 32));
    this.set(options);
  }

  set(options: FaultOptions): void {
    checkRate('throttleRate', options.throttleRate);
    checkRate('errorRate', options.errorRate);
    checkRate('resetRate', options.resetRate);
    if (options.latencyMs !== undefined && !(options.latencyMs >= 0)) throw new RangeError(`latencyMs must be 0 or more; got ${options.latencyMs}.`);
    if (options.seed !== undefined) this.random = seededRandom(options.seed);
    this.throttleRate = options.throttleRate ?? this.throttleRate;
    this.errorRate = options.errorRate ?? this.errorRate;
    this.resetRate = options.resetRate ?? this.resetRate;
    this.latencyMs = options.latencyMs ?? this.latencyMs;
    if (options.loseCreateResponse !== undefined) {
      this.schedules = this.schedules.filter((fault) => fault.kind !== 'lose-create-response');
      this.schedule('lose-create-response', options.loseCreateResponse);
    }
    for (const fault of options.schedule ?? []) this.schedule(fault.kind, fault.count, fault.operation);
  }

  schedule(kind: FaultKind, count: number, operation?: OperationName): void {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number, 0 or more; got ${count}.`);
    if (count === 0) return;
    const target = kind === 'lose-create-response' ? 'CreateFHIRDatastore' : operation;
    this.schedules.push({ kind, count, ...(target ? { operation: target } : {}) });
  }

  clear(): void {
    this.throttleRate = this.errorRate = this.resetRate = this.latencyMs = 0;
    this.schedules = [];
  }

  current(): Required<Omit<FaultOptions, 'seed'>> {
    return {
      throttleRate: this.throttleRate,
      errorRate: this.errorRate,
      resetRate: this.resetRate,
      latencyMs: this.latencyMs,
      loseCreateResponse: this.schedules
        .filter((fault) => fault.kind === 'lose-create-response')
        .reduce((sum, fault) => sum + fault.count, 0),
      schedule: this.schedules.map((fault) => ({ ...fault })),
    };
  }

  /** Latency to add to this request. */
  latency(): number {
    return this.latencyMs;
  }

  /** Takes one scheduled fault of these kinds for this operation, if any is pending. */
  private take(kinds: readonly FaultKind[], operation: string): FaultKind | undefined {
    const index = this.schedules.findIndex(
      (fault) => kinds.includes(fault.kind) && (fault.operation === undefined || fault.operation === operation),
    );
    if (index < 0) return undefined;
    const fault = this.schedules[index]!;
    fault.count -= 1;
    if (fault.count === 0) this.schedules.splice(index, 1);
    return fault.kind;
  }

  /** The fault for a request before it is handled: scheduled ones first, then the rates. */
  beforeHandling(operation: string): RequestFault | undefined {
    const scheduled = this.take(['reset', 'throttle', 'error'], operation) as RequestFault | undefined;
    const fault =
      scheduled ??
      (this.resetRate > 0 && this.random() < this.resetRate
        ? 'reset'
        : this.throttleRate > 0 && this.random() < this.throttleRate
          ? 'throttle'
          : this.errorRate > 0 && this.random() < this.errorRate
            ? 'error'
            : undefined);
    if (fault) this.injected[fault] += 1;
    return fault;
  }

  /** Whether the response to a successful create must be lost (the data store exists, the socket is dropped). */
  loseCreateResponse(): boolean {
    const lost = this.take(['lose-create-response'], 'CreateFHIRDatastore') !== undefined;
    if (lost) this.injected['lose-create-response'] += 1;
    return lost;
  }
}
