// Limits on what a plan request may carry. The plan is computed from small lists; these
// stop a hostile request (HTTP query, JSON body) from making the engine or the label
// lookup work through megabytes of names.

/** Data classes accepted in one list (exposed or not exposed). The whole vocabulary has
 * about 150 names, so a longer list is not a real record. */
export const MAX_PLAN_DATA_CLASSES = 300;

/** Characters in one data-class name as given. The longest name in the vocabulary is
 * under 40 characters; this bounds the normalization work per name. */
export const MAX_DATA_CLASS_NAME_CHARS = 200;
