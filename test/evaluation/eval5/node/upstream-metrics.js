// Axios interceptors that record upstream outcomes; errors are re-thrown untouched.
const axios = require("axios");
const { StatsD } = require("hot-shots");

const metrics = new StatsD({ prefix: "intake." });

function classify(status) {
  if (status === undefined) return "network";
  if (status >= 500) return "server_error";
  if (status === 429) return "throttled";
  if (status >= 400) return "client_error";
  return "ok";
}

function instrument(instance, name) {
  instance.interceptors.request.use((config) => {
    config.metadata = { start: Date.now() };
    return config;
  });
  instance.interceptors.response.use(
    (response) => {
      metrics.timing(`${name}.latency`, Date.now() - response.config.metadata.start);
      metrics.increment(`${name}.ok`);
      return response;
    },
    (error) => {
      const status = error.response ? error.response.status : undefined;
      metrics.increment(`${name}.${classify(status)}`, { status: String(status ?? "none") });
      if (status === 429) {
        metrics.gauge(`${name}.ratelimit_remaining`, Number(error.response.headers["x-ratelimit-remaining"] ?? 0));
      }
      return Promise.reject(error);
    },
  );
  return instance;
}

const casework = instrument(axios.create({ baseURL: "https://api.casework.example/v1" }), "casework");

module.exports = { casework, classify, instrument };
