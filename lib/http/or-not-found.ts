import { notFound } from "next/navigation";
import { NotFound } from "../domain-error";

/** For pages: a domain NotFound shows Next's 404 page; any other failure goes on as it was. */
export function orNotFound<T>(reading: Promise<T>): Promise<T> {
  return reading.catch((error: unknown) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
}
