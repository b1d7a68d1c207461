/** Argument checks that fail before any request, naming the argument, what was expected and what was found. */

const MAX_STRING = 4096;

function found(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return value === '' ? 'an empty string' : `a ${value.length}-character string`;
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'number' ? String(value) : typeof value;
}

export function checkString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_STRING) {
    throw new TypeError(
      `${name} must be a non-empty string of at most ${MAX_STRING} characters, found ${found(value)}`,
    );
  }
  return value;
}

export function checkStringList(values: unknown, name: string): string[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new TypeError(`${name} must be a non-empty array of strings, found ${found(values)}`);
  }
  return values.map((value, i) => checkString(value, `${name}[${i}]`));
}

export function checkTokenAmount(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new TypeError(`${name} must be a positive integer number of Beans, found ${found(value)}`);
  }
  return value;
}

/** `order_id` and `product_name` are required (spec §6.5); other keys pass through untouched. */
export function checkOrderInfo<T extends { order_id: string; product_name: string }>(
  value: T | undefined,
  name: string,
): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${name} must be an object with order_id and product_name, found ${found(value)}`);
  }
  checkString(value.order_id, `${name}.order_id`);
  checkString(value.product_name, `${name}.product_name`);
  return value;
}
