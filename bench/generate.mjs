/**
 * Deterministic generator of realistic ASL definitions for the benchmark.
 *
 * A definition of N states has exactly N states in total (nested ones included): a top-level
 * chain of Task (Parameters, ResultSelector, Retry, Catch), Pass, Choice (nested And/Or/Not
 * rules), Wait, Parallel and Map (with nested chains, up to two levels deep), JSONPath `.$`
 * keys and intrinsic functions, ending in a Succeed; a Fail state is the Catch target.
 *
 * By default the definition is valid (AWS would accept it and a linter should say nothing), so
 * the common CI case is what gets measured. With `warnings: true`, most states also carry one
 * AWS warning (NO_DOLLAR or PASS_RESULT_IS_STATIC): the many-diagnostics case, which exercises
 * the position path (node tree, ranges) that valid definitions never touch.
 *
 * Same (size, options) in, same text out: a seeded PRNG, no Date, no Math.random.
 *
 * CLI: node bench/generate.mjs <states> [--warnings] [--seed N]  (prints the JSON)
 */

/** mulberry32: tiny, fast, good enough to pick shapes (the tests' seeded PRNG too: test/support.ts). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = ['Validate', 'Charge', 'Reserve', 'Notify', 'Enrich', 'Fetch', 'Store', 'Audit', 'Transform', 'Publish', 'Score', 'Archive'];
const NOUNS = ['Order', 'Payment', 'Inventory', 'Customer', 'Invoice', 'Shipment', 'Record', 'Batch', 'Report', 'Ticket'];
/** Paths into the input: value diversity like the corpus's (about two thirds distinct within a file). */
const OBJECTS = ['order', 'payment', 'customer', 'invoice', 'shipment', 'detail', 'input', 'context', 'item', 'request'];
const FIELDS = ['id', 'status', 'total', 'region', 'email', 'createdAt', 'count', 'type', 'priority', 'express', 'amount', 'name'];
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
/** Nesting of Parallel/Map scopes: 0 = top level; composites are only built at depth < 2. */
const MAX_NEST = 2;

/**
 * @param {number} states total number of states (>= 3)
 * @param {{seed?: number, warnings?: boolean}} [options]
 * @returns {{definition: object, text: string, states: number, warnings: number}}
 */
export function generateDefinition(states, options = {}) {
  if (!Number.isInteger(states) || states < 3) throw new RangeError(`generateDefinition(): states must be an integer >= 3, got ${states}`);
  const rand = prng((options.seed ?? 1) * 1000003 + states);
  const withWarnings = options.warnings === true;
  let counter = 0;
  let warnings = 0;

  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const ref = () => `$.${pick(OBJECTS)}.${pick(FIELDS)}`;
  const nameFor = (kind) => {
    counter++;
    const n = String(counter).padStart(5, '0');
    return kind === 'Task' ? `${pick(VERBS)}${pick(NOUNS)}${n}` : `${kind}${pick(NOUNS)}${n}`;
  };

  /** A plain key whose value looks like a path: AWS warns NO_DOLLAR. */
  const noDollar = (obj) => {
    if (!withWarnings) return obj;
    warnings++;
    return { ...obj, traceId: '$.trace.id' };
  };

  function task(name, inRoot, first = false) {
    const variant = int(0, 4);
    let s;
    if (variant === 0) {
      s = {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: noDollar({
          FunctionName: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${pick(NOUNS).toLowerCase()}`,
          'Payload.$': '$',
        }),
        OutputPath: '$.Payload',
        Retry: [{ ErrorEquals: ['Lambda.ServiceException', 'Lambda.SdkClientException'], IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2 }],
      };
    } else if (variant === 1) {
      s = {
        Type: 'Task',
        Resource: 'arn:aws:states:::dynamodb:putItem',
        Parameters: noDollar({
          TableName: 'orders',
          Item: { pk: { 'S.$': ref() }, sk: { S: name } },
        }),
        ResultPath: null,
        Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 5, BackoffRate: 1.5, JitterStrategy: 'FULL' }],
      };
    } else if (variant === 2) {
      s = {
        Type: 'Task',
        Resource: 'arn:aws:states:::sns:publish',
        Parameters: noDollar({
          TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:order-events`,
          'Message.$': "States.Format('Order {} done', $.orderId)",
        }),
        ResultPath: null,
      };
    } else if (variant === 3) {
      s = {
        Type: 'Task',
        Resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:validate`,
        InputPath: `$.${pick(OBJECTS)}`,
        ResultPath: `$.results.${name}`,
        TimeoutSeconds: 30,
        Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 2, MaxDelaySeconds: 30 }],
      };
      if (withWarnings) {
        warnings++;
        s.Parameters = { orderId: ref() };
      }
    } else {
      s = {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        Parameters: noDollar({
          QueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/approvals`,
          MessageBody: { 'taskToken.$': '$$.Task.Token', 'count.$': 'States.ArrayLength($.items)' },
        }),
        ResultPath: '$.approval',
        HeartbeatSeconds: 3600,
        TimeoutSeconds: 86400,
      };
    }
    // Shares as in the real-world corpus: about a third of Tasks retry, one in nine catches.
    if (rand() < 0.4) delete s.Retry;
    if (inRoot && (first || rand() < 0.15)) s.Catch = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'HandleFailure' }];
    return s;
  }

  function pass() {
    if (rand() < 0.6) {
      return { Type: 'Pass', Parameters: noDollar({ 'value.$': ref(), stage: counter }), ResultPath: `$.${pick(OBJECTS)}` };
    }
    const result = { status: 'ok', count: int(1, 9) };
    if (withWarnings) {
      warnings++;
      result['copy.$'] = '$.orderId';
    }
    return { Type: 'Pass', Result: result, ResultPath: '$.static' };
  }

  function choice() {
    const choices = [
      {
        And: [{ Variable: ref(), StringEquals: 'OK' }, { Or: [{ Variable: ref(), NumericGreaterThan: int(10, 999) }, { Not: { Variable: ref(), BooleanEquals: true } }] }],
        Next: '',
      },
    ];
    if (rand() < 0.5) choices.push({ Variable: ref(), StringMatches: 'eu-*', Next: '' });
    return { Type: 'Choice', Choices: choices, Default: '' };
  }

  function wait() {
    const v = int(0, 2);
    if (v === 0) return { Type: 'Wait', Seconds: int(1, 300) };
    if (v === 1) return { Type: 'Wait', SecondsPath: `$.${pick(OBJECTS)}.waitSeconds` };
    return { Type: 'Wait', Timestamp: '2030-01-01T00:00:00Z' };
  }

  /**
   * Exactly `budget` states, linked in a chain. In the root the last state goes to `Done`; in a
   * nested scope the last one ends (so it is never a Choice).
   */
  function chain(budget, depth) {
    const inRoot = depth === 0;
    /** @type {[string, object][]} */
    const entries = [];
    let remaining = budget;
    while (remaining > 0) {
      const last = remaining === 1;
      // The first top-level state is a Task with a Catch, so HandleFailure is always reachable.
      const r = inRoot && entries.length === 0 ? 1 : rand();
      let built;
      if (depth < MAX_NEST && r < 0.05 && remaining >= 5) {
        const branches = remaining >= 9 && rand() < 0.5 ? 3 : 2;
        const per = [];
        let inner = 0;
        for (let b = 0; b < branches; b++) {
          const n = Math.min(int(2, 5), Math.floor((remaining - 1 - inner) / (branches - b)));
          per.push(n);
          inner += n;
        }
        if (per.every((n) => n >= 1)) {
          const name = nameFor('Parallel');
          const s = { Type: 'Parallel', Branches: per.map((n) => scopeOf(chain(n, depth + 1))), ResultPath: '$.parallel' };
          if (withWarnings) {
            warnings++;
            s.Parameters = { orderId: '$.orderId', 'items.$': '$.items' };
          }
          if (inRoot && rand() < 0.5) s.Catch = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'HandleFailure' }];
          built = [name, s, 1 + inner];
        }
      } else if (depth < MAX_NEST && r < 0.12 && remaining >= 3) {
        const inner = Math.min(int(2, 6), remaining - 1);
        const name = nameFor('Map');
        const s = {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: int(1, 20),
          ItemSelector: noDollar({ 'item.$': '$$.Map.Item.Value', 'key.$': ref() }),
          ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...scopeOf(chain(inner, depth + 1)) },
          ResultPath: '$.mapped',
        };
        if (inRoot && rand() < 0.5) s.Catch = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'HandleFailure' }];
        built = [name, s, 1 + inner];
      }
      if (!built) {
        const k = rand();
        if ((inRoot && entries.length === 0) || k < 0.56) {
          const name = nameFor('Task');
          built = [name, task(name, inRoot, entries.length === 0), 1];
        } else if (k < 0.74) built = [nameFor('Pass'), pass(), 1];
        else if (k < 0.92 && !(last && !inRoot)) built = [nameFor('Choice'), choice(), 1];
        else built = [nameFor('Wait'), wait(), 1];
      }
      const [name, s, used] = built;
      entries.push([name, s]);
      remaining -= used;
    }
    // Link: each state to the next; Choices fan out to the next two; the last one ends.
    const after = (i, k) => (i + k < entries.length ? entries[i + k][0] : inRoot ? 'Done' : entries[entries.length - 1][0]);
    entries.forEach(([, s], i) => {
      const isLast = i === entries.length - 1;
      if (s.Type === 'Choice') {
        s.Choices[0].Next = after(i, 1);
        if (s.Choices[1]) s.Choices[1].Next = after(i, i + 2 < entries.length || inRoot ? 2 : 1);
        s.Default = after(i, 1);
      } else if (isLast && !inRoot) {
        s.End = true;
      } else {
        s.Next = after(i, 1);
      }
    });
    return entries;
  }

  function scopeOf(entries) {
    return { StartAt: entries[0][0], States: Object.fromEntries(entries) };
  }

  const body = chain(states - 2, 0);
  const statesObj = Object.fromEntries(body);
  statesObj.HandleFailure = { Type: 'Fail', Error: 'OrderFailed', CausePath: '$.error.Cause' };
  statesObj.Done = { Type: 'Succeed' };
  const definition = {
    Comment: `Generated benchmark definition: ${states} states${withWarnings ? ', with warnings' : ''} (bench/generate.mjs)`,
    StartAt: body[0][0],
    TimeoutSeconds: 3600,
    States: statesObj,
  };
  const text = JSON.stringify(definition, null, 2);
  return { definition, text, states: countStates(definition), warnings };
}

/** Every state of every scope (the "states" of the size axis). */
export function countStates(definition) {
  let n = 0;
  const walk = (scope) => {
    for (const s of Object.values(scope?.States ?? {})) {
      n++;
      for (const b of s.Branches ?? []) walk(b);
      if (s.ItemProcessor) walk(s.ItemProcessor);
      if (s.Iterator) walk(s.Iterator);
    }
  };
  walk(definition);
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 20);
  const seedAt = process.argv.indexOf('--seed');
  const out = generateDefinition(n, { warnings: process.argv.includes('--warnings'), seed: seedAt > 0 ? Number(process.argv[seedAt + 1]) : 1 });
  process.stdout.write(out.text + '\n');
}
