"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { retryAfterOfSignInError, waitMessage } from "@/lib/auth/throttled-sign-in-error";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";

/** What to tell the person: a throttled attempt says how long to wait, never "wrong password". */
function signInErrorMessage(error: string | null | undefined): string {
  const retryAfterSeconds = retryAfterOfSignInError(error);
  if (retryAfterSeconds !== null) return waitMessage(retryAfterSeconds);
  return error && error !== "CredentialsSignin" ? error : "The e-mail or password is wrong.";
}

export function SignInForm({
  companySignIn,
  initialError,
  callbackUrl,
}: {
  companySignIn: string | null;
  initialError?: string;
  callbackUrl: string;
}) {
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
      setError(signInErrorMessage(result?.error));
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
