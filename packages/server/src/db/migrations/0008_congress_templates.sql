CREATE TABLE "congress_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"rule_set_id" text NOT NULL,
	"draft" jsonb,
	"published" jsonb,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "congress_templates_key" UNIQUE("organization_id","rule_set_id")
);
--> statement-breakpoint
ALTER TABLE "congress_plans" ADD COLUMN "template_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "congress_plans" ADD COLUMN "template_name" text;--> statement-breakpoint
ALTER TABLE "congress_templates" ADD CONSTRAINT "congress_templates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_plans" ADD CONSTRAINT "congress_plans_template_organization_id_organizations_id_fk" FOREIGN KEY ("template_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;