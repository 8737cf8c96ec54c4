export declare function bundleProblems(name: string, bytes: Uint8Array): string[];
