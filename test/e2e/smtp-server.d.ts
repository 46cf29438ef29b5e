// smtp-server ships no type definitions; this declares the part the browser tests use.
declare module 'smtp-server' {
  import type { Server } from 'node:net';
  import type { Readable } from 'node:stream';

  export interface SMTPServerAddress {
    address: string;
  }
  export interface SMTPServerSession {
    envelope: { mailFrom: SMTPServerAddress | false; rcptTo: SMTPServerAddress[] };
  }
  export interface SMTPServerOptions {
    authOptional?: boolean;
    disabledCommands?: string[];
    logger?: boolean;
    onRcptTo?(
      address: SMTPServerAddress,
      session: SMTPServerSession,
      callback: (error?: Error | null) => void,
    ): void;
    onData?(stream: Readable, session: SMTPServerSession, callback: (error?: Error | null) => void): void;
  }
  export class SMTPServer {
    constructor(options?: SMTPServerOptions);
    server: Server;
    listen(port: number, host: string, callback?: () => void): Server;
    close(callback?: () => void): void;
  }
}
