import { Prisma, PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const MAX_TX_ATTEMPTS = 5;

/**
 * Serializable transactions can fail with P2034 (write conflict or deadlock).
 * Those are safe to run again; everything else is rethrown.
 */
export async function withTransactionRetry<T>(
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(work, {
        isolationLevel: Prisma.TransactionIsolationLevel.Serializable,
      });
    } catch (err) {
      const conflict = err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2034";
      if (!conflict || attempt >= MAX_TX_ATTEMPTS) throw err;
      await sleep(20 * attempt + Math.random() * 20);
    }
  }
}

export async function transferCredits(fromId: string, toId: string, amount: number) {
  return withTransactionRetry(async (tx) => {
    const from = await tx.account.update({
      where: { id: fromId },
      data: { credits: { decrement: amount } },
    });
    if (from.credits < 0) throw new Error("insufficient credits");
    await tx.account.update({ where: { id: toId }, data: { credits: { increment: amount } } });
  });
}
