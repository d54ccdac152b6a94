// The shop's shared payments client: blue and green bundle it, so a change here rebuilds both.
export function price(cents) {
  return (cents / 100).toFixed(2) + " EUR";
}
