/** Ordinary code with no HTTP in it (most of a real file), shared by the benchmarks' generated corpora. */

export const TS_PLAIN = (i: number): string => `
export interface Line${i} { sku: string; quantity: number; price: number }

export class Cart${i} {
  private readonly lines: Line${i}[] = [];
  add(line: Line${i}): void {
    const existing = this.lines.find((l) => l.sku === line.sku);
    if (existing) existing.quantity += line.quantity;
    else this.lines.push({ ...line });
  }
  total(): number {
    let sum = 0;
    for (const l of this.lines) sum += l.quantity * l.price;
    return Math.round(sum * 100) / 100;
  }
  describe(): string {
    return this.lines.map((l) => \`\${l.sku} x\${l.quantity}\`).join(", ");
  }
}
`;

export const PY_PLAIN = (i: number): string => `
class Cart${i}:
    def __init__(self):
        self.lines = []

    def add(self, sku, quantity, price):
        for line in self.lines:
            if line["sku"] == sku:
                line["quantity"] += quantity
                return
        self.lines.append({"sku": sku, "quantity": quantity, "price": price})

    def total(self):
        return round(sum(l["quantity"] * l["price"] for l in self.lines), 2)
`;
