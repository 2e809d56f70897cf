import Link from "next/link";
import { AddCategoryForm, CategoryCostingForm } from "@/components/catalog/category-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { listCategories } from "@/lib/catalog/manage-categories";
import { getDb } from "@/lib/db/client";

export const metadata = { title: "Categories" };

export default async function CategoriesPage() {
  const actor = await requirePageActor("stock.view");
  const categories = await listCategories(getDb(), actor);
  return (
    <>
      <PageHeader title="Categories" />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <Card title="The category tree">
          {categories.length === 0 ? (
            <EmptyState title="No categories yet">Add one here, or give an item a category path and it is created.</EmptyState>
          ) : (
            <ul data-testid="category-tree">
              {categories.map((category) => (
                <li key={category.path} style={{ paddingLeft: `${category.depth * 1.25}rem` }}>
                  <Link
                    href={`/items?category=${encodeURIComponent(category.path)}`}
                    className="flex min-h-11 items-center justify-between gap-2 border-b border-slate-100"
                  >
                    <span className={category.depth === 0 ? "font-semibold" : ""}>{category.name}</span>
                    <span className="flex items-center gap-2 text-sm tabular-nums text-slate-500">
                      {category.costingMethod ? <span className="rounded bg-slate-100 px-1.5 text-slate-700">{category.costingMethod}</span> : null}
                      {category.itemsBeneath} items
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {can(actor, "catalog.manage") ? (
          <div className="space-y-4">
            <Card title="Add a category">
              <AddCategoryForm />
            </Card>
            {categories.length > 0 ? (
              <Card title="Costing method">
                <CategoryCostingForm categories={categories} />
              </Card>
            ) : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
