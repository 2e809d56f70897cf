import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db, DbTx } from "../db/client";
import type { UserView } from "./schemas";

const userWithSites = { sites: { select: { site: { select: { code: true } } } } } as const;

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: UserView["role"];
  active: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  sites: { site: { code: string } }[];
};

export function toUserView(user: UserRow): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    sites: user.sites.map((s) => s.site.code).sort(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

export async function findUserView(tx: DbTx, id: string): Promise<UserView | null> {
  const user = await tx.user.findUnique({ where: { id }, include: userWithSites });
  return user ? toUserView(user) : null;
}

export async function listUsers(db: Db, actor: Actor): Promise<UserView[]> {
  authorize(actor, "users.manage");
  const users = await db.user.findMany({ include: userWithSites, orderBy: [{ active: "desc" }, { email: "asc" }] });
  return users.map(toUserView);
}
