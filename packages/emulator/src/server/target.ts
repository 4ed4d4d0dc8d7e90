/**
 * The path and query of a request target. Plain origin-form targets ("/api/v1/x?a=b" with no dot
 * segments or unusual characters) are split directly; anything else goes through the WHATWG URL
 * parser, whose normalised pathname the router has always matched. Parsing a URL per request was a
 * visible share of a cheap request's CPU.
 */

/**
 * Paths a URL parser leaves unchanged: characters outside its percent-encode set and other than
 * "." and "\\" (dot segments, backslashes), and percent-escapes other than "%2e" (an encoded dot);
 * not "//…", which it reads as a host.
 */
const PLAIN_PATH = /^\/(?!\/)(?:[A-Za-z0-9\-_~!$&'()*+,;=:@/]|%(?!2[eE])[0-9A-Fa-f]{2})*$/;

export class RequestTarget {
  readonly path: string;
  private readonly search: string;
  private parsedQuery: URLSearchParams | undefined;

  constructor(rawTarget: string) {
    const q = rawTarget.indexOf("?");
    const path = q < 0 ? rawTarget : rawTarget.slice(0, q);
    if (PLAIN_PATH.test(path) && !rawTarget.includes("#")) {
      this.path = path;
      this.search = q < 0 ? "" : rawTarget.slice(q + 1);
    } else {
      const url = new URL(rawTarget, "http://emulator");
      this.path = url.pathname;
      this.search = url.search.slice(1);
    }
  }

  get query(): URLSearchParams {
    return (this.parsedQuery ??= new URLSearchParams(this.search));
  }
}
