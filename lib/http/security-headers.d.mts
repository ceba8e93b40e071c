type Header = { key: string; value: string };
export declare const BASE_HEADERS: Header[];
export declare const NO_FRAMING_HEADERS: Header[];
export declare const HSTS_HEADER: Header;
