"use client";

import { useActionState, useState } from "react";
import { connectChannelAction } from "@/app/(app)/channels/actions";
import { initialFormState } from "@/lib/http/form-state";
import { Button } from "../ui/button";
import { Checkbox } from "../ui/checkbox";
import { TextField } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { FormToken } from "../ui/form-token";
import { RadioCard } from "../ui/radio-card";

type Kind = "shopify" | "woocommerce";

/**
 * Connect an online shop: the platform, where it is, its API credentials (sent once, stored encrypted, never shown
 * again), the secret it signs webhooks with, the sites it sells from and what is held back. SKUs are matched by
 * SKU through the platform's API as they change.
 */
export function ConnectChannelForm({ sites }: { sites: string[] }) {
  const [state, action, isPending] = useActionState(connectChannelAction, initialFormState);
  const value = (name: string) => {
    const v = state.values?.[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const [kind, setKind] = useState<Kind>(value("kind") === "woocommerce" ? "woocommerce" : "shopify");
  const error = (name: string) => state.fieldErrors?.[name];
  const chosenSites = state.values?.sites ? [state.values.sites].flat() : sites.slice(0, 1);
  const siteError = Object.entries(state.fieldErrors ?? {}).find(([field]) => field === "sites" || field.startsWith("sites."))?.[1];
  return (
    <form action={action} className="space-y-4" data-testid="connect-channel-form">
      <FormToken answer={state} />
      <FormMessage state={state} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">Platform</legend>
        <div className="grid grid-cols-2 gap-2">
          {(
            [
              ["shopify", "Shopify"],
              ["woocommerce", "WooCommerce"],
            ] as const
          ).map(([id, label]) => (
            <RadioCard key={id} name="kind" value={id} checked={kind === id} onChange={() => setKind(id)} className="items-center justify-center p-2">
              <span className="font-medium">{label}</span>
            </RadioCard>
          ))}
        </div>
      </fieldset>
      <TextField label="Name" name="name" defaultValue={value("name")} error={error("name")} hint="Orders from this shop carry it as their channel" />
      <TextField
        label="Shop address"
        name="baseUrl"
        type="url"
        inputMode="url"
        placeholder={kind === "shopify" ? "https://example.myshopify.com" : "https://shop.example.com"}
        defaultValue={value("baseUrl")}
        error={error("baseUrl")}
      />
      {kind === "shopify" ? (
        <>
          <TextField label="Admin API access token" name="credentials.accessToken" autoComplete="off" error={error("credentials.accessToken")} />
          <TextField
            label="Location GID"
            name="location"
            placeholder="gid://shopify/Location/1"
            defaultValue={value("location")}
            error={error("location")}
            hint="The Shopify location whose quantities Stockroom sets"
          />
        </>
      ) : (
        <>
          <TextField
            label="Consumer key"
            name="credentials.consumerKey"
            autoComplete="off"
            defaultValue={value("credentials.consumerKey")}
            error={error("credentials.consumerKey")}
          />
          <TextField label="Consumer secret" name="credentials.consumerSecret" autoComplete="off" error={error("credentials.consumerSecret")} />
        </>
      )}
      <TextField
        label="Webhook secret"
        name="webhookSecret"
        autoComplete="off"
        error={error("webhookSecret")}
        hint="The secret the shop signs its order webhooks with"
      />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-800">Sites it sells from</legend>
        <div className="flex flex-wrap gap-1">
          {sites.map((site) => (
            <Checkbox key={site} name="sites" value={site} defaultChecked={chosenSites.includes(site)}>
              {site}
            </Checkbox>
          ))}
        </div>
        {siteError ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {siteError}
          </p>
        ) : null}
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Hold back (units)"
          name="buffer.units"
          type="number"
          min={0}
          inputMode="numeric"
          defaultValue={value("buffer.units")}
          error={error("buffer.units")}
        />
        <TextField
          label="Hold back (%)"
          name="buffer.percent"
          type="number"
          min={0}
          max={100}
          inputMode="numeric"
          defaultValue={value("buffer.percent")}
          error={error("buffer.percent")}
        />
      </div>
      <Button type="submit" disabled={isPending} className="w-full sm:w-auto">
        {isPending ? "Connecting…" : "Connect shop"}
      </Button>
    </form>
  );
}
