"use strict";

const got = require("got");

const push = got.extend({
  prefixUrl: process.env.PUSH_GATEWAY_URL || "https://push-gw.internal.example.com",
  headers: { authorization: `Bearer ${process.env.PUSH_GATEWAY_TOKEN}` },
  timeout: { request: 5000 },
  retry: {
    limit: 4,
    methods: ["GET", "PUT", "DELETE"],
    statusCodes: [401, 408, 429, 500, 502, 503, 504],
  },
  responseType: "json",
});

async function getTopic(topic) {
  const { body } = await push.get(`v1/topics/${encodeURIComponent(topic)}`);
  return body;
}

async function subscribe(topic, deviceToken) {
  await push.put(`v1/topics/${encodeURIComponent(topic)}/subscribers/${deviceToken}`);
}

async function unsubscribe(topic, deviceToken) {
  await push.delete(`v1/topics/${encodeURIComponent(topic)}/subscribers/${deviceToken}`);
}

module.exports = { getTopic, subscribe, unsubscribe };
