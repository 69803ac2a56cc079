/** The parts of @rusticisoftware/cmi5 (3.2, untyped) that src/lms/cmi5-runtime.ts uses. */
declare module '@rusticisoftware/cmi5' {
  interface Score {
    scaled?: number;
    raw?: number;
    min?: number;
    max?: number;
  }
  interface StartHooks {
    postFetch?: () => void | Promise<void>;
  }
  export default class Cmi5 {
    constructor(launchUrl: string);
    start(hooks?: StartHooks, initializeExtras?: object): Promise<void>;
    loadLMSLaunchData(): Promise<void>;
    loadLearnerPrefs(): Promise<void>;
    initialize(extras?: object): Promise<object>;
    completed(extras?: object): Promise<object>;
    passed(score?: Score): Promise<object>;
    failed(score?: Score): Promise<object>;
    terminate(extras?: object): Promise<object>;
    isActive(): boolean;
    getLaunchMode(): string;
    getMasteryScore(): number | null;
    getMoveOn(): string;
    getSessionId(): string;
    getEndpoint(): string;
    getAuth(): string;
    getActor(): object;
    getActivityId(): string;
    getRegistration(): string;
    setAuth(auth: string): void;
    sendStatement(statement: object): Promise<void>;
    prepareStatement(verbId: string): Record<string, unknown>;
  }
}
