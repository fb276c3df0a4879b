import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type Redis from 'ioredis';

/**
 * How this instance hears of invalidations made by any instance, so it may keep responses in its own
 * memory. Every invalidation is published on one Redis channel (inside the script that makes it, see
 * redis-store.ts); each instance's subscriber connection hears it, empties the local tier and
 * acknowledges it to the writer, and the writer's invalidation returns once every subscriber has
 * acknowledged. So once a write has returned, no instance serves the old story from memory.
 *
 * What bounds this when the link fails without a word (a dead TCP connection, a frozen peer): the
 * local tier is trusted only under a lease. A PING on the subscriber connection is answered after every
 * message published before it, so a PONG proves this instance has heard every invalidation made before
 * the PING was sent; the lease runs `leaseMs` from that send. A writer that misses an acknowledgement
 * waits `leaseMs` and no more: by then the silent instance's lease has run out and it reads Redis.
 */
export interface InvalidationLink {
  /** The link is up and a heartbeat sent less than `leaseMs` ago has been answered. */
  live(): boolean;
  /** Moves on with every invalidation heard and every change of the link; a read that spans a move is not kept. */
  epoch(): number;
  /** The message to publish with an invalidation, and how to wait for the instances that received it. */
  announce(): { message: string; acknowledged(receivers: number): Promise<void> };
  /** Acknowledgement times of invalidations this instance made, for tests and the benchmark. */
  stats(): { connectionName: string; lastAckMs: number | null; maxAckMs: number | null; unacknowledged: number };
  close(): Promise<void>;
}

export interface InvalidationLinkOptions {
  /** The command connection: acknowledgements are published on it (a subscriber connection cannot publish). */
  redis: Redis;
  channelBase: string;
  /** Called on every invalidation heard and whenever the link goes down: empty the local tier. */
  onInvalidate: () => void;
  leaseMs: number;
  heartbeatMs: number;
  warn: (message: string) => void;
}

/** `<ack channel>|<sequence>`; an empty ack channel asks for no acknowledgement (a lapsed hold). */
const parse = (message: string) => {
  const bar = message.lastIndexOf('|');
  return bar < 0 ? null : { ackTo: message.slice(0, bar), seq: message.slice(bar + 1) };
};

export async function createInvalidationLink(options: InvalidationLinkOptions): Promise<InvalidationLink> {
  const id = randomUUID();
  const channel = `${options.channelBase}:inv`;
  const ackChannel = `${options.channelBase}:ack:${id}`;
  const connectionName = `newsroom-delivery-invalidations-${id}`;
  const subscriber = options.redis.duplicate({
    connectionName,
    lazyConnect: true,
    // Subscriptions are made here on every (re)connect, so the link knows when it is back.
    autoResubscribe: false,
    enableAutoPipelining: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: null,
  });

  let epoch = 0;
  let connection = 0;
  let subscribed = false;
  let confirmedAt = -Infinity;
  let oldestUnanswered: number | null = null;
  let closing = false;
  let seq = 0;
  let lastAckMs: number | null = null;
  let maxAckMs: number | null = null;
  let unacknowledged = 0;
  let lastWarning = 0;
  const waiting = new Map<string, { got: number; need: number | null; done: () => void }>();

  const invalidate = () => {
    epoch += 1;
    options.onInvalidate();
  };

  const down = () => {
    invalidate();
    connection += 1;
    subscribed = false;
    confirmedAt = -Infinity;
    oldestUnanswered = null;
  };

  const heartbeat = () => {
    if (!subscribed || subscriber.status !== 'ready') return;
    const sentAt = performance.now();
    const on = connection;
    if (oldestUnanswered !== null && sentAt - oldestUnanswered > 2 * options.leaseMs) {
      // Answers stopped: the connection is dead without having said so. Start again.
      subscriber.disconnect(true);
      return;
    }
    oldestUnanswered ??= sentAt;
    subscriber.ping().then(
      () => {
        if (on !== connection) return;
        oldestUnanswered = null;
        if (sentAt > confirmedAt) confirmedAt = sentAt;
      },
      () => undefined,
    );
  };

  const subscribe = () => {
    const on = connection;
    subscriber.subscribe(channel, ackChannel).then(
      () => {
        if (on !== connection || closing) return;
        subscribed = true;
        // Reads that started while the link was down must not be kept.
        invalidate();
        heartbeat();
      },
      () => undefined,
    );
  };

  subscriber.on('message', (from: string, message: string) => {
    const parsed = parse(message);
    if (from === ackChannel) {
      const waiter = waiting.get(message);
      if (!waiter) return;
      waiter.got += 1;
      if (waiter.need !== null && waiter.got >= waiter.need) waiter.done();
      return;
    }
    if (from !== channel) return;
    invalidate();
    if (parsed?.ackTo) options.redis.publish(parsed.ackTo, message).catch(() => undefined);
  });
  subscriber.on('ready', subscribe);
  for (const event of ['close', 'end', 'error', 'reconnecting']) subscriber.on(event, down);

  const timer = setInterval(heartbeat, options.heartbeatMs);
  timer.unref();
  await subscriber.connect();

  return {
    live: () => subscribed && performance.now() - confirmedAt < options.leaseMs,
    epoch: () => epoch,
    announce() {
      seq += 1;
      const message = `${ackChannel}|${seq}`;
      const started = performance.now();
      let resolve!: () => void;
      const settled = new Promise<void>((r) => (resolve = r));
      const waiter = { got: 0, need: null as number | null, done: () => resolve() };
      waiting.set(message, waiter);
      return {
        message,
        async acknowledged(receivers) {
          waiter.need = receivers;
          if (waiter.got < receivers) {
            const timeout = setTimeout(resolve, options.leaseMs);
            await settled;
            clearTimeout(timeout);
          }
          waiting.delete(message);
          const took = performance.now() - started;
          if (waiter.got < receivers) {
            unacknowledged += 1;
            if (Date.now() - lastWarning > 60_000) {
              lastWarning = Date.now();
              options.warn(
                `Delivery cache: ${receivers - waiter.got} of ${receivers} instances did not acknowledge an invalidation within ${options.leaseMs} ms; their local caches have lapsed.`,
              );
            }
            return;
          }
          lastAckMs = took;
          maxAckMs = Math.max(maxAckMs ?? 0, took);
        },
      };
    },
    stats: () => ({ connectionName, lastAckMs, maxAckMs, unacknowledged }),
    async close() {
      closing = true;
      clearInterval(timer);
      for (const waiter of waiting.values()) waiter.done();
      down();
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
