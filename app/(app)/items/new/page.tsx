import { ItemForm } from "@/components/items/item-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { listItemFilterOptions } from "@/lib/catalog/list-item-filter-options";
import { getDb } from "@/lib/db/client";
import { BackLink } from "@/components/ui/back-link";

export const metadata = { title: "New item" };

export default async function NewItemPage() {
  const actor = await requirePageActor("catalog.manage");
  const options = await listItemFilterOptions(getDb(), actor);
  return (
    <>
      <BackLink href="/items">Items</BackLink>
      <PageHeader title="New item" />
      <ItemForm mode="create" initial={{}} categories={options.categories} suppliers={options.suppliers} />
    </>
  );
}
