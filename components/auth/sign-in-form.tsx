"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";

export function SignInForm({ companySignIn, initialError, callbackUrl }: { companySignIn: string | null; initialError?: string; callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    setPending(false);
    if (result?.ok) {
      router.replace(callbackUrl);
      router.refresh();
    } else {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "The e-mail or password is wrong.");
    }
  }

  return (
    <>
      <form onSubmit={submit} className="mt-4 space-y-4" noValidate>
        <TextField label="E-mail" name="email" type="email" autoComplete="username" inputMode="email" required autoFocus />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        {error ? (
          <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        ) : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {companySignIn ? (
        <Button variant="secondary" className="mt-3 w-full" onClick={() => signIn("oidc", { callbackUrl })}>
          {companySignIn}
        </Button>
      ) : null}
    </>
  );
}
