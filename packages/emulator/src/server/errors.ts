/** Errors that become HTTP answers. The body is always JSON: {"detail": message, "field"?: name}. */

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }

  body(): { detail: string; field?: string } {
    return this.field === undefined ? { detail: this.message } : { detail: this.message, field: this.field };
  }
}

export const badRequest = (message: string, field?: string): HttpError => new HttpError(400, message, field);
export const unauthorized = (message: string): HttpError => new HttpError(401, message);
export const notFound = (message: string): HttpError => new HttpError(404, message);
export const conflict = (message: string): HttpError => new HttpError(409, message);
