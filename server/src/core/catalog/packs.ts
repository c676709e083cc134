/**
 * The built-in knowledge packs: one public API each, read from its own
 * documentation (every entry cites its page). Bundled as data; the catalog
 * indexes them on first use. `docs/catalog.md` lists them.
 */
import anthropic from "./data/packs/anthropic.json";
import atlassian from "./data/packs/atlassian.json";
import aws from "./data/packs/aws.json";
import azure from "./data/packs/azure.json";
import cloudflare from "./data/packs/cloudflare.json";
import discord from "./data/packs/discord.json";
import github from "./data/packs/github.json";
import google from "./data/packs/google.json";
import grpc from "./data/packs/grpc.json";
import hubspot from "./data/packs/hubspot.json";
import microsoftGraph from "./data/packs/microsoft-graph.json";
import notion from "./data/packs/notion.json";
import openai from "./data/packs/openai.json";
import paypal from "./data/packs/paypal.json";
import salesforce from "./data/packs/salesforce.json";
import sendgrid from "./data/packs/sendgrid.json";
import shopify from "./data/packs/shopify.json";
import slack from "./data/packs/slack.json";
import stripe from "./data/packs/stripe.json";
import telegram from "./data/packs/telegram.json";
import twilio from "./data/packs/twilio.json";
import zendesk from "./data/packs/zendesk.json";
import type { CatalogData } from "./types";

/** A built-in pack: its id (for the `apiErrorInsight.catalog.packs` setting) and data. */
export interface BuiltinPack {
  id: string;
  data: CatalogData;
}

/** Every built-in pack, by id. */
export const BUILTIN_PACKS: readonly BuiltinPack[] = [
  { id: "anthropic", data: anthropic as CatalogData },
  { id: "atlassian", data: atlassian as CatalogData },
  { id: "aws", data: aws as CatalogData },
  { id: "azure", data: azure as CatalogData },
  { id: "cloudflare", data: cloudflare as CatalogData },
  { id: "discord", data: discord as CatalogData },
  { id: "github", data: github as CatalogData },
  { id: "google", data: google as CatalogData },
  { id: "grpc", data: grpc as CatalogData },
  { id: "hubspot", data: hubspot as CatalogData },
  { id: "microsoft-graph", data: microsoftGraph as CatalogData },
  { id: "notion", data: notion as CatalogData },
  { id: "openai", data: openai as CatalogData },
  { id: "paypal", data: paypal as CatalogData },
  { id: "salesforce", data: salesforce as CatalogData },
  { id: "sendgrid", data: sendgrid as CatalogData },
  { id: "shopify", data: shopify as CatalogData },
  { id: "slack", data: slack as CatalogData },
  { id: "stripe", data: stripe as CatalogData },
  { id: "telegram", data: telegram as CatalogData },
  { id: "twilio", data: twilio as CatalogData },
  { id: "zendesk", data: zendesk as CatalogData },
];
