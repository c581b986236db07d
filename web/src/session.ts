// The bearer token lives in sessionStorage only: it survives a reload of the tab, not a new
// browser session, and never reaches localStorage, a cookie or a URL.
const KEY = 'programme-register.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function keepToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
