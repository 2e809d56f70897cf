/**
 * Answers that are not a JSON document: a file the domain rendered (labels), and a text stream (CSV exports,
 * the server-sent events feed). A handler of lib/http/api-route.ts returns one of these instead of data; the
 * wrapper sends it as it is, after the same authentication, permission and error handling as JSON.
 */

/** A rendered file; `inline` opens in the browser (a PDF to print), else it downloads. */
export type DownloadFile = { body: Uint8Array | string; contentType: string; fileName: string; inline: boolean };

export class FileAnswer {
  constructor(readonly file: DownloadFile) {}
}

/** Text produced a chunk per pull: a failure after the first chunk aborts the stream (nobody keeps half a file). */
export class StreamAnswer {
  constructor(
    readonly chunks: AsyncIterable<string> | ReadableStream<Uint8Array>,
    readonly headers: Record<string, string>,
  ) {}
}

export async function fileAnswer(file: Promise<DownloadFile> | DownloadFile): Promise<FileAnswer> {
  return new FileAnswer(await file);
}

/** A CSV download named `<name>-<date>.csv`. */
export function csvAnswer(chunks: AsyncIterable<string>, name: string): StreamAnswer {
  const date = new Date().toISOString().slice(0, 10);
  return new StreamAnswer(chunks, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${name}-${date}.csv"`,
    "cache-control": "no-store",
  });
}

/** An XLSX download named `<name>-<date>.xlsx`, its bytes written as the response is read. */
export function xlsxAnswer(bytes: ReadableStream<Uint8Array>, name: string): StreamAnswer {
  const date = new Date().toISOString().slice(0, 10);
  return new StreamAnswer(bytes, {
    "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "content-disposition": `attachment; filename="${name}-${date}.xlsx"`,
    "cache-control": "no-store",
  });
}

export function eventStreamAnswer(stream: ReadableStream<Uint8Array>): StreamAnswer {
  return new StreamAnswer(stream, { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform", connection: "keep-alive" });
}

export function fileResponse({ file }: FileAnswer): Response {
  // The name is ASCII already (the domain makes it); quotes are dropped so it cannot end the header value.
  const fileName = file.fileName.replaceAll('"', "");
  return new Response(typeof file.body === "string" ? file.body : new Blob([file.body as Uint8Array<ArrayBuffer>]), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `${file.inline ? "inline" : "attachment"}; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}

export function streamResponse(answer: StreamAnswer, onError: (error: unknown) => void): Response {
  const body = answer.chunks instanceof ReadableStream ? answer.chunks : streamOf(answer.chunks, onError);
  return new Response(body, { headers: answer.headers });
}

function streamOf(chunks: AsyncIterable<string>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
