/** The first few errors of a run are kept, to say what went wrong. */
const SAMPLES = 3;
const SAMPLE_CHARACTERS = 300;

/** The errors of a load run: how many, and the first few. */
export class ErrorTally {
  count = 0;
  readonly samples: string[] = [];

  note(text: string): void {
    this.count++;
    if (this.samples.length < SAMPLES) this.samples.push(text.slice(0, SAMPLE_CHARACTERS));
  }

  /** Notes an answer that is not a GraphQL success: a non-2xx status, or a body without `data` or with `errors`. */
  noteAnswer(status: number, body: string): void {
    if (status < 200 || status > 299) this.note(`HTTP ${status}: ${body}`);
    else if (!isGraphQLSuccess(body)) this.note(body);
  }
}

function isGraphQLSuccess(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
    return !parsed.errors?.length && parsed.data != null;
  } catch {
    return false;
  }
}
