// The VS Code extension client (see issue 4).
export {};
