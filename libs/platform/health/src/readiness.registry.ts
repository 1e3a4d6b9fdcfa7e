import { Injectable } from '@nestjs/common';

export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency is usable; rejects (or returns a reason) when not. */
  check(): Promise<void>;
}

/** Services and platform modules register what readiness depends on (Postgres, Kafka...). */
@Injectable()
export class ReadinessRegistry {
  private readonly checks: ReadinessCheck[] = [];

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  list(): readonly ReadinessCheck[] {
    return this.checks;
  }
}
