// Platform types: media values (the DOM's own where a project has DOM types, small shapes
// otherwise, so nothing needs `lib: ["dom"]`), the WebSocket the SDK accepts, clocks and loggers.


type Global = typeof globalThis;
/** The DOM class `Name` when the project has DOM types, else `Fallback`. */
type DomOr<Name extends string, Fallback> = Global extends { [K in Name]: { prototype: infer T } } ? T : Fallback;

/** What the SDK uses of a MediaStream (the DOM's MediaStream where DOM types are present). */
export interface MediaStreamLike {
  getAudioTracks(): Array<{ enabled: boolean; stop(): void }>;
  getTracks(): Array<{ stop(): void }>;
}
/** What the SDK uses of an RTCPeerConnection (the DOM's own where DOM types are present). */
export interface RTCPeerConnectionLike {
  readonly connectionState?: string;
  readonly iceConnectionState: string;
  close(): void;
}
/** What the SDK uses of an `<audio>` element (the DOM's HTMLMediaElement where DOM types are present). */
export interface MediaElementLike {
  srcObject: unknown;
  autoplay: boolean;
  play(): Promise<void>;
}
export type MediaStreamType = DomOr<'MediaStream', MediaStreamLike>;
export type RTCPeerConnectionType = DomOr<'RTCPeerConnection', RTCPeerConnectionLike>;
export type MediaElementType = DomOr<'HTMLMediaElement', MediaElementLike>;

/**
 * The WebSocket API the SDK uses: the browser's `WebSocket` and the `ws` package's class both
 * fit, as does any object with these members.
 */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((this: any, event: any) => unknown) | null;
  onmessage: ((this: any, event: any) => unknown) | null;
  onclose: ((this: any, event: any) => unknown) | null;
  onerror: ((this: any, event: any) => unknown) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
/** A WebSocket class: `WebSocket` of the browser, or `import WebSocket from 'ws'`. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** Time source of every SDK timer; inject a fake one in tests. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Logger {
  debug?(message: string): void;
  warn?(message: string): void;
}

export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface MediaOptions {
  /** Defaults to the platform's RTCPeerConnection. */
  RTCPeerConnection?: new (configuration: { bundlePolicy: 'max-compat'; iceServers: IceServer[] }) => RTCPeerConnectionType;
  /** Defaults to `navigator.mediaDevices.getUserMedia`. */
  getUserMedia?: (constraints: { audio: boolean | object; video: false }) => Promise<MediaStreamType>;
  /** Microphone constraints (a MediaTrackConstraints object); default `true`. */
  audio?: boolean | object;
  iceServers?: IceServer[];
  /** Longest wait for ICE gathering before the SDP is sent; default 5000. */
  gatherTimeoutMs?: number;
  /** Wait after the first candidate; default 1000 (as verto.js). */
  candidateGraceMs?: number;
  /** Period of the calls' `quality` events; default 2000, `false` turns them off. */
  qualityIntervalMs?: number | false;
}

export {};
