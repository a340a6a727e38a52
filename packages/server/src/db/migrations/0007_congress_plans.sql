CREATE TABLE "calendar_edits" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_budget_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"budget_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"quantity_hundredths" bigint NOT NULL,
	"unit" text NOT NULL,
	"unit_price" bigint NOT NULL,
	"amount" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_budgets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "congress_budgets_plan_version_key" UNIQUE("plan_id","version_no")
);
--> statement-breakpoint
CREATE TABLE "congress_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"rule_set_id" text NOT NULL,
	"congress_kind" text NOT NULL,
	"congress_kind_reason" text,
	"planned_on" date,
	"duration_half_days" integer NOT NULL,
	"adopted_on" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "congress_plans_org_term_key" UNIQUE("organization_id","term_id")
);
--> statement-breakpoint
CREATE TABLE "congress_rule_tightenings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"rule_set_id" text NOT NULL,
	"source_document" text NOT NULL,
	"source_date" date NOT NULL,
	"levels" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "congress_rule_tightenings_key" UNIQUE("organization_id","rule_set_id")
);
--> statement-breakpoint
CREATE TABLE "congress_subcommittee_members" (
	"subcommittee_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" text NOT NULL,
	"duties" text,
	"position" integer NOT NULL,
	CONSTRAINT "congress_subcommittee_members_subcommittee_id_member_id_pk" PRIMARY KEY("subcommittee_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "congress_subcommittees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"duties" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"budget_id" uuid,
	"round" integer NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"comment" text,
	CONSTRAINT "congress_submissions_round_key" UNIQUE("plan_id","kind","round")
);
--> statement-breakpoint
CREATE TABLE "congress_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"step_key" text,
	"title" text NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_name" text,
	"offset_days" integer,
	"offset_working_days" integer,
	"due_on" date,
	"status" text NOT NULL,
	"done_on" date,
	"note" text,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "congress_budget_lines" ADD CONSTRAINT "congress_budget_lines_budget_id_congress_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."congress_budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_budgets" ADD CONSTRAINT "congress_budgets_plan_id_congress_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."congress_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_plans" ADD CONSTRAINT "congress_plans_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_plans" ADD CONSTRAINT "congress_plans_term_id_committee_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."committee_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_rule_tightenings" ADD CONSTRAINT "congress_rule_tightenings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_subcommittee_members" ADD CONSTRAINT "congress_subcommittee_members_subcommittee_id_congress_subcommittees_id_fk" FOREIGN KEY ("subcommittee_id") REFERENCES "public"."congress_subcommittees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_subcommittee_members" ADD CONSTRAINT "congress_subcommittee_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_subcommittees" ADD CONSTRAINT "congress_subcommittees_plan_id_congress_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."congress_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_submissions" ADD CONSTRAINT "congress_submissions_plan_id_congress_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."congress_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_submissions" ADD CONSTRAINT "congress_submissions_budget_id_congress_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."congress_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_tasks" ADD CONSTRAINT "congress_tasks_plan_id_congress_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."congress_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "congress_budget_lines_budget_idx" ON "congress_budget_lines" USING btree ("budget_id","position");--> statement-breakpoint
CREATE INDEX "congress_subcommittees_plan_idx" ON "congress_subcommittees" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "congress_submissions_status_idx" ON "congress_submissions" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "congress_tasks_plan_idx" ON "congress_tasks" USING btree ("plan_id","position");