// Platform types: media values (the DOM's own where a project has DOM types, small shapes
// otherwise, so nothing needs `lib: ["dom"]`), the WebSocket the SDK accepts, clocks and loggers.


type Global = typeof globalThis;
/** The DOM class `Name` when the project has DOM types, else `Fallback`. */
type DomOr<Name extends string, Fallback> = Global extends { [K in Name]: { prototype: infer T } } ? T : Fallback;

/** What the SDK uses of a MediaStream (the DOM's MediaStream where DOM types are present). */
export interface MediaStreamLike {
  getAudioTracks(): Array<{ enabled: boolean; stop(): void }>;
  getVideoTracks?(): Array<{ enabled: boolean; stop(): void }>;
  getTracks(): Array<{ stop(): void }>;
}
/** What the SDK uses of an RTCPeerConnection (the DOM's own where DOM types are present). */
export interface RTCPeerConnectionLike {
  readonly connectionState?: string;
  readonly iceConnectionState: string;
  close(): void;
}
/** What the SDK uses of an `<audio>` or `<video>` element (the DOM's HTMLMediaElement where DOM types are present). */
export interface MediaElementLike {
  srcObject: unknown;
  autoplay: boolean;
  muted?: boolean;
  play(): Promise<void>;
  /** Where the browser has it: the speaker. */
  setSinkId?(deviceId: string): Promise<void>;
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

/** What the SDK uses of `navigator.mediaDevices` for device lists and changes. */
export interface MediaDevicesLike {
  enumerateDevices(): Promise<Array<{ deviceId: string; kind: string; label: string; groupId: string }>>;
  addEventListener?(type: 'devicechange', listener: () => void): void;
  removeEventListener?(type: 'devicechange', listener: () => void): void;
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
  getUserMedia?: (constraints: { audio: boolean | object; video: boolean | object }) => Promise<MediaStreamType>;
  /** Defaults to `navigator.mediaDevices.getDisplayMedia` (screen share). */
  getDisplayMedia?: (constraints: { video: boolean | object; audio: boolean }) => Promise<MediaStreamType>;
  /** Device lists and `devicechange`; defaults to `navigator.mediaDevices`. */
  mediaDevices?: MediaDevicesLike;
  /** Microphone constraints (a MediaTrackConstraints object); default `true`. */
  audio?: boolean | object;
  /** Camera constraints of video calls (a MediaTrackConstraints object); default `true`. */
  video?: boolean | object;
  iceServers?: IceServer[];
  /** Longest wait for ICE gathering before the SDP is sent; default 5000. */
  gatherTimeoutMs?: number;
  /** Wait after the first candidate; default 1000 (as verto.js). */
  candidateGraceMs?: number;
  /** Period of the calls' `quality` events; default 2000, `false` turns them off. */
  qualityIntervalMs?: number | false;
}

export {};
