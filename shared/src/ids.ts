// Stream names follow EventStoreDB's `category-id` convention (see DESIGN.md, Domain).
export const streamName = (category: string, id: string): string => `${category}-${id}`;
