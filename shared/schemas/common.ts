// Building blocks shared by every record schema: ids, times, dates and bounded text.
// Timestamps are ISO-8601 UTC strings; calendar days are 'YYYY-MM-DD' in Asia/Shanghai.
import { z } from 'zod';

export const idSchema = z.string().min(1).max(64);
export const refSchema = idSchema.nullable().default(null);

export const isoTimeSchema = z.iso.datetime({ offset: true });
export const dateOnlySchema = z.iso.date();

/** Text typed by a user: trimmed, bounded. Over-long input is refused, never silently cut. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => text(max).default('');

/** Metadata the repository stamps on every stored record; never typed by a user. */
export const recordMetaSchema = z.object({
  id: idSchema,
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
  /** Set when the record is deleted: a tombstone that sync merges like any field. */
  deletedAt: isoTimeSchema.nullable().default(null),
  /** Hybrid-logical-clock stamp of the last change of each field (per-field last writer wins). */
  hlc: z.record(z.string(), z.string()),
});
export type RecordMeta = z.infer<typeof recordMetaSchema>;

/**
 * The schema of a partial update ("patch") of an object schema: every field optional, unknown keys
 * refused, and no field's `.default()` applied. zod 4's own `.partial()` keeps the defaults, so a
 * patch parsed with it comes back with every omitted field reset to its default — a one-field
 * save would wipe the rest. Parse patches with this instead.
 */
export function patchSchemaOf<T extends z.ZodRawShape>(
  schema: z.ZodObject<T>,
): z.ZodObject<PatchShape<T>, z.core.$strict> {
  const shape: Record<string, z.core.$ZodType> = {};
  for (const [key, field] of Object.entries<z.core.$ZodType>(schema.shape)) {
    shape[key] = z.optional(withoutDefault(field));
  }
  return z.object(shape).strict() as unknown as z.ZodObject<PatchShape<T>, z.core.$strict>;
}

/** Each field of a shape made optional, with its default (if any) taken off. */
type PatchShape<T extends z.ZodRawShape> = {
  [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K]>;
};

function withoutDefault(field: z.core.$ZodType): z.core.$ZodType {
  if (field instanceof z.ZodDefault || field instanceof z.ZodPrefault) return withoutDefault(field.unwrap());
  return field;
}
