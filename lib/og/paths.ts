/** Path of the generated share card of a front ("/" for the home page). PLACEHOLDER until merged. */
export const frontCardPath = (frontPath: string) =>
  `/og/front?path=${encodeURIComponent(frontPath)}`;
