CREATE TABLE "dissemination_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"makeup_of" uuid,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text,
	"chair" text,
	"guests" text,
	"conclusions" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dissemination_attendance" (
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dissemination_attendance_session_id_member_id_pk" PRIMARY KEY("session_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "dissemination_session_documents" (
	"session_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	CONSTRAINT "dissemination_session_documents_session_id_document_id_pk" PRIMARY KEY("session_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "dissemination_session_organizations" (
	"session_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "dissemination_session_organizations_session_id_organization_id_pk" PRIMARY KEY("session_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "dissemination_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"content" text NOT NULL,
	"proposed_by" text,
	"assigned_to" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_distributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"sender_organization_id" uuid NOT NULL,
	"note" text,
	"due_on" date,
	"sent_by" uuid,
	"sent_at" timestamp with time zone NOT NULL,
	"received_by" uuid,
	"received_at" timestamp with time zone,
	"report_number" text,
	"report_document_id" uuid,
	"report_note" text,
	"reported_by" uuid,
	"reported_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "document_distributions_key" UNIQUE("document_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "document_links" (
	"document_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "document_links_document_id_target_id_kind_pk" PRIMARY KEY("document_id","target_id","kind")
);
--> statement-breakpoint
CREATE TABLE "document_numbers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"issuer_organization_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"sequence_key" text NOT NULL,
	"type" text NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"document_id" uuid,
	"note" text,
	"reserved_by" uuid,
	"reserved_at" timestamp with time zone NOT NULL,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	CONSTRAINT "document_numbers_sequence_key" UNIQUE("issuer_organization_id","term_id","sequence_key","sequence")
);
--> statement-breakpoint
CREATE TABLE "document_sequences" (
	"issuer_organization_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"sequence_key" text NOT NULL,
	"last_sequence" integer NOT NULL,
	CONSTRAINT "document_sequences_issuer_organization_id_term_id_sequence_key_pk" PRIMARY KEY("issuer_organization_id","term_id","sequence_key")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"type" text NOT NULL,
	"sequence" integer,
	"issuer_code" text,
	"number" text,
	"issuer_name" text NOT NULL,
	"issued_on" date NOT NULL,
	"issued_year" integer NOT NULL,
	"summary" text NOT NULL,
	"signer" text,
	"signer_position" text,
	"body" text,
	"recipients" text,
	"number_id" uuid,
	"search_text" text NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dissemination_sessions" ADD CONSTRAINT "dissemination_sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_sessions" ADD CONSTRAINT "dissemination_sessions_makeup_of_dissemination_sessions_id_fk" FOREIGN KEY ("makeup_of") REFERENCES "public"."dissemination_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_attendance" ADD CONSTRAINT "dissemination_attendance_session_id_dissemination_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dissemination_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_attendance" ADD CONSTRAINT "dissemination_attendance_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_session_documents" ADD CONSTRAINT "dissemination_session_documents_session_id_dissemination_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dissemination_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_session_documents" ADD CONSTRAINT "dissemination_session_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_session_organizations" ADD CONSTRAINT "dissemination_session_organizations_session_id_dissemination_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dissemination_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_session_organizations" ADD CONSTRAINT "dissemination_session_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_proposals" ADD CONSTRAINT "dissemination_proposals_session_id_dissemination_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dissemination_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_distributions" ADD CONSTRAINT "document_distributions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_distributions" ADD CONSTRAINT "document_distributions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_distributions" ADD CONSTRAINT "document_distributions_sender_organization_id_organizations_id_fk" FOREIGN KEY ("sender_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_distributions" ADD CONSTRAINT "document_distributions_report_document_id_documents_id_fk" FOREIGN KEY ("report_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_target_id_documents_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_numbers" ADD CONSTRAINT "document_numbers_issuer_organization_id_organizations_id_fk" FOREIGN KEY ("issuer_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_numbers" ADD CONSTRAINT "document_numbers_term_id_committee_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."committee_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_sequences" ADD CONSTRAINT "document_sequences_issuer_organization_id_organizations_id_fk" FOREIGN KEY ("issuer_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_sequences" ADD CONSTRAINT "document_sequences_term_id_committee_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."committee_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dissemination_sessions_org_idx" ON "dissemination_sessions" USING btree ("organization_id","starts_at");--> statement-breakpoint
CREATE INDEX "dissemination_attendance_member_idx" ON "dissemination_attendance" USING btree ("member_id","status");--> statement-breakpoint
CREATE INDEX "dissemination_session_documents_doc_idx" ON "dissemination_session_documents" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "dissemination_proposals_session_idx" ON "dissemination_proposals" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "document_distributions_org_idx" ON "document_distributions" USING btree ("organization_id","sent_at");--> statement-breakpoint
CREATE INDEX "document_distributions_sender_idx" ON "document_distributions" USING btree ("sender_organization_id","document_id");--> statement-breakpoint
CREATE INDEX "document_links_target_idx" ON "document_links" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "document_numbers_issuer_idx" ON "document_numbers" USING btree ("issuer_organization_id","reserved_at");--> statement-breakpoint
CREATE INDEX "documents_org_idx" ON "documents" USING btree ("organization_id","issued_on","id");--> statement-breakpoint
CREATE INDEX "documents_issued_idx" ON "documents" USING btree ("issued_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_identity_key" ON "documents" USING btree ("organization_id","issuer_code","type","sequence","issued_year") WHERE sequence IS NOT NULL;