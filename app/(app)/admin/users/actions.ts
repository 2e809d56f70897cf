"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { createUser } from "@/lib/users/create-user";
import type { UserInput } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/update-user";
import { inFormUnit } from "@/lib/http/form-write";

function sitesOf(form: FormData) {
  return form.getAll("sites").map(String);
}

export async function createUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const { value: user } = await inFormUnit(actor, "createUser", form, (db) =>
      createUser(db, actor, {
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? ""),
        role: String(form.get("role") ?? "") as UserInput["role"],
        password: String(form.get("password") ?? ""),
        sites: sitesOf(form),
      }),
    );
    revalidatePath("/admin/users");
    return { ok: true, message: `${user.email} can now sign in as ${user.role}.` };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}

export async function updateUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const intent = String(form.get("intent") ?? "save");
    const { value: user } = await inFormUnit(actor, "updateUser", form, (db) =>
      updateUser(
        db,
        actor,
        String(form.get("id") ?? ""),
        intent === "deactivate"
          ? { active: false }
          : intent === "activate"
            ? { active: true }
            : { role: String(form.get("role") ?? "") as UserInput["role"], sites: sitesOf(form) },
      ),
    );
    revalidatePath("/admin/users");
    return { ok: true, message: `${user.email} saved.` };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}
