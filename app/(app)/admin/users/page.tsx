import { CreateUserForm, UserRow } from "@/components/admin/user-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listSites } from "@/lib/sites/list-sites";
import { listUsers } from "@/lib/users/list-users";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("users.manage");
  const [users, sites] = await Promise.all([listUsers(getDb(), actor), listSites(getDb(), actor)]);
  const siteCodes = sites.map((s) => s.code);
  return (
    <>
      <PageHeader title="Users" />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <Card title={`${users.length} users`}>
          <ul className="divide-y divide-slate-100" data-testid="user-list">
            {users.map((user) => (
              <UserRow key={user.id} user={user} siteCodes={siteCodes} isSelf={user.id === actor.id} />
            ))}
          </ul>
        </Card>
        <Card title="Add a user">
          <CreateUserForm siteCodes={siteCodes} />
        </Card>
      </div>
    </>
  );
}
