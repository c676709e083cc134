export class WeatherApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly requestId?: string,
  ) {
    super(message);
  }
}
export class InvalidLocationError extends WeatherApiError {}
export class ApiKeyError extends WeatherApiError {}
export class QuotaExceededError extends WeatherApiError {
  constructor(message: string, readonly retryAfterSeconds: number, requestId?: string) {
    super(message, 429, requestId);
  }
}
export class UpstreamUnavailableError extends WeatherApiError {}

export interface Forecast {
  latitude: number;
  longitude: number;
  hourly: { time: string[]; temperature_2m: number[] };
}

export class WeatherClient {
  constructor(
    private readonly apiKey: string,
    private readonly baseUrl = "https://api.skyline-weather.example/v1",
  ) {}

  async forecast(lat: number, lon: number): Promise<Forecast> {
    const url = `${this.baseUrl}/forecast?lat=${lat}&lon=${lon}&hourly=temperature_2m`;
    const res = await fetch(url, { headers: { "X-Api-Key": this.apiKey } });
    if (res.ok) return (await res.json()) as Forecast;

    const requestId = res.headers.get("X-Request-Id") ?? undefined;
    const body = await res.text();
    switch (res.status) {
      case 400:
        throw new InvalidLocationError(`invalid coordinates: ${body}`, 400, requestId);
      case 401:
      case 403:
        throw new ApiKeyError("API key rejected", res.status, requestId);
      case 429:
        throw new QuotaExceededError("quota exceeded", Number(res.headers.get("Retry-After") ?? 60), requestId);
      case 500:
      case 502:
      case 503:
      case 504:
        throw new UpstreamUnavailableError("weather service unavailable", res.status, requestId);
      default:
        throw new WeatherApiError(`unexpected status ${res.status}`, res.status, requestId);
    }
  }
}
