import { createPrismaClient, prisma } from "@shop/db";
import { freePort } from "@shop/db/testing";
import { expect, it } from "vitest";
import { currentPasswordStamp, sessionIsCurrent } from "./session-check";

it("keeps a session while the database cannot answer, rather than signing everyone out", async () => {
  const user = await prisma.user.create({ data: { email: `stamp-${Date.now()}@example.test`, password: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA" }, select: { id: true } });
  const stamp = await currentPasswordStamp(prisma, user.id);
  expect(stamp).toMatch(/^[\w-]{22}$/);
  const down = createPrismaClient({ url: `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/postgres` });
  try {
    expect(await sessionIsCurrent(down, { sub: user.id, stamp })).toBe(true);
    // The same token against the database that answers: current, and stale once the password moves.
    expect(await sessionIsCurrent(prisma, { sub: user.id, stamp })).toBe(true);
    await prisma.user.update({ where: { id: user.id }, data: { password: null } });
    expect(await sessionIsCurrent(prisma, { sub: user.id, stamp })).toBe(false);
  } finally {
    await down.$disconnect();
  }
});
