/* eslint-disable */
// Generated from schemas/catalog.schema.json by test/unit/catalog-layers.test.ts (UPDATE=1). Do not edit.
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://api-error-insight.dev/schemas/catalog.schema.json",
  title: "API Error Insight catalog",
  description:
    "Knowledge about HTTP statuses, API error codes, SDK exception classes and rate-limit headers, shown on hover by API Error Insight. Entries with the same key as a built-in entry override its fields; new entries extend the catalog.",
  type: "object",
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    source: {
      type: "string",
      description: 'Attribution for the top-level entries of this file (e.g. "internal API guide").',
    },
    statuses: {
      type: "array",
      description: "Standard meaning of HTTP statuses (not tied to one API).",
      items: { $ref: "#/definitions/status" },
    },
    apis: {
      type: "array",
      description: "What each API documents about its errors.",
      items: { $ref: "#/definitions/api" },
    },
    headers: {
      type: "array",
      description: "Rate-limit and idempotency headers.",
      items: { $ref: "#/definitions/header" },
    },
    exceptions: {
      type: "array",
      description: "Exception classes not tied to one API (e.g. a shared client library).",
      items: { $ref: "#/definitions/exception" },
    },
    pack: { $ref: "#/definitions/pack" },
  },
  definitions: {
    text: { type: "string", minLength: 1, maxLength: 2000 },
    statusCode: { type: "integer", minimum: 100, maximum: 599 },
    retryClass: {
      type: "string",
      enum: ["never", "after-fix", "backoff", "retry-after"],
      description:
        "never: retrying cannot succeed; after-fix: only a changed request or new credentials can succeed; backoff: retry with capped exponential backoff and jitter; retry-after: wait for Retry-After, else back off.",
    },
    reference: {
      type: "object",
      additionalProperties: false,
      required: ["title"],
      properties: { title: { $ref: "#/definitions/text" }, url: { type: "string", pattern: "^https?://" } },
    },
    status: {
      type: "object",
      additionalProperties: false,
      required: ["status"],
      properties: {
        status: { $ref: "#/definitions/statusCode" },
        name: {
          $ref: "#/definitions/text",
          description: 'Standard reason phrase, e.g. "Too Many Requests".',
        },
        meaning: { $ref: "#/definitions/text" },
        retry: { $ref: "#/definitions/retryClass" },
        advice: { $ref: "#/definitions/text", description: "Standard handling advice." },
        references: { type: "array", items: { $ref: "#/definitions/reference" } },
      },
    },
    api: {
      type: "object",
      additionalProperties: false,
      required: ["name"],
      properties: {
        name: {
          $ref: "#/definitions/text",
          description: "The API's name; entries for an API of the same name are merged (later files win).",
        },
        source: {
          $ref: "#/definitions/text",
          description: "Where this knowledge comes from (a document name or URL).",
        },
        baseUrl: { type: "string" },
        docsUrl: { type: "string", pattern: "^https?://" },
        envelope: {
          type: "object",
          additionalProperties: false,
          required: ["description"],
          properties: {
            description: { $ref: "#/definitions/text" },
            example: { type: "string", maxLength: 4000 },
            url: { $ref: "#/definitions/docUrl" },
          },
        },
        statuses: { type: "array", items: { $ref: "#/definitions/apiStatus" } },
        errorCodes: { type: "array", items: { $ref: "#/definitions/errorCode" } },
        rateLimits: { type: "array", items: { $ref: "#/definitions/rateLimit" } },
        retry: { $ref: "#/definitions/retryGuidance" },
        sdkRetry: { $ref: "#/definitions/sdkRetry" },
        exceptions: { type: "array", items: { $ref: "#/definitions/exception" } },
        headers: { type: "array", items: { $ref: "#/definitions/apiHeader" } },
        relatedTo: {
          type: "object",
          additionalProperties: false,
          description:
            "How a source file shows that it calls this API: an import of one of its SDKs or a literal URL on one of its hosts.",
          properties: {
            imports: {
              type: "array",
              items: { type: "string" },
              description: "Module names (or prefixes: `@aws-sdk` matches `@aws-sdk/client-s3`).",
            },
            hosts: {
              type: "array",
              items: { type: "string" },
              description: "Host names; subdomains match too.",
            },
          },
        },
        idempotency: {
          type: "object",
          additionalProperties: false,
          required: ["description"],
          properties: {
            description: { $ref: "#/definitions/text" },
            header: { type: "string" },
            url: { $ref: "#/definitions/docUrl" },
          },
        },
      },
    },
    apiStatus: {
      type: "object",
      additionalProperties: false,
      required: ["status"],
      properties: {
        status: { $ref: "#/definitions/statusCode" },
        when: { $ref: "#/definitions/text", description: "When this API returns the status." },
        fix: { $ref: "#/definitions/text", description: "How to fix or handle it." },
        url: { $ref: "#/definitions/docUrl" },
      },
    },
    errorCode: {
      type: "object",
      additionalProperties: false,
      required: ["code"],
      properties: {
        code: {
          type: "string",
          minLength: 1,
          maxLength: 200,
          description: 'The machine-readable error code, e.g. "rate_limit_exceeded".',
        },
        status: { $ref: "#/definitions/statusCode" },
        description: { $ref: "#/definitions/text" },
        fix: { $ref: "#/definitions/text" },
        retryable: {
          type: "boolean",
          description:
            "false: retrying cannot succeed even when the status is 429 or 5xx (e.g. a suspended account, an exhausted quota).",
        },
        retry: { $ref: "#/definitions/entryRetry" },
        kind: { $ref: "#/definitions/kind" },
        url: { $ref: "#/definitions/docUrl" },
      },
    },
    rateLimit: {
      type: "object",
      additionalProperties: false,
      required: ["scope", "limit", "window"],
      properties: {
        scope: { $ref: "#/definitions/text", description: 'Who the limit applies to, e.g. "API key".' },
        limit: { type: "integer", minimum: 1, description: "Requests per window." },
        window: { $ref: "#/definitions/text", description: 'E.g. "1 minute".' },
        algorithm: { $ref: "#/definitions/text", description: 'E.g. "sliding window".' },
        notes: { $ref: "#/definitions/text" },
      },
    },
    retryGuidance: {
      type: "object",
      additionalProperties: false,
      properties: {
        statuses: {
          type: "array",
          items: { $ref: "#/definitions/statusCode" },
          description: "Statuses the API says to retry.",
        },
        maxAttempts: { type: "integer", minimum: 0 },
        backoffStartSeconds: { type: "number", minimum: 0 },
        backoffMaxSeconds: { type: "number", minimum: 0 },
        formula: { $ref: "#/definitions/text" },
        retryAfter: {
          $ref: "#/definitions/text",
          description: "How the API says to use Retry-After or the reset header.",
        },
        notes: { type: "array", items: { $ref: "#/definitions/text" } },
      },
    },
    sdkRetry: {
      type: "object",
      additionalProperties: false,
      required: ["statuses", "maxRetries"],
      properties: {
        statuses: { type: "array", items: { $ref: "#/definitions/statusCode" } },
        maxRetries: { type: "integer", minimum: 0 },
        backoff: { $ref: "#/definitions/text" },
        options: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["language"],
            properties: {
              language: { type: "string" },
              retries: { type: "string" },
              statuses: { type: "string" },
              timeout: { type: "string" },
            },
          },
        },
        url: { $ref: "#/definitions/docUrl" },
      },
    },
    exception: {
      type: "object",
      additionalProperties: false,
      required: ["name"],
      properties: {
        name: {
          type: "string",
          pattern: "^[A-Za-z_$][A-Za-z0-9_$]*$",
          description: 'The class name, e.g. "RateLimitError".',
        },
        parent: { type: "string" },
        status: { $ref: "#/definitions/statusCode", description: "The status the class stands for." },
        statuses: { type: "array", items: { $ref: "#/definitions/statusCode" } },
        convention: { type: "string", description: 'The library family, e.g. "requests (Python)".' },
        languages: { type: "array", items: { type: "string" } },
        description: { $ref: "#/definitions/text" },
        fix: { $ref: "#/definitions/text" },
        retryable: { type: "boolean" },
        retry: { $ref: "#/definitions/entryRetry" },
        kind: { $ref: "#/definitions/kind" },
        url: { $ref: "#/definitions/docUrl" },
        sdk: {
          type: "string",
          description: 'The SDK package that defines the class, e.g. "stripe (Python)".',
        },
      },
    },
    header: {
      type: "object",
      additionalProperties: false,
      required: ["name"],
      properties: {
        name: { type: "string", pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" },
        description: { $ref: "#/definitions/text" },
        usage: { $ref: "#/definitions/text" },
        example: { type: "string" },
        references: { type: "array", items: { $ref: "#/definitions/reference" } },
      },
    },
    apiHeader: {
      type: "object",
      additionalProperties: false,
      required: ["name", "description"],
      properties: {
        name: { type: "string", pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" },
        description: { $ref: "#/definitions/text" },
        url: { $ref: "#/definitions/docUrl" },
        waits: {
          type: "boolean",
          description: "true: the header says how long to wait (reading it honours the server's wait).",
        },
      },
    },
    pack: {
      type: "object",
      additionalProperties: false,
      required: ["id"],
      description: "A built-in knowledge pack: one public API, read from its own documentation.",
      properties: {
        id: {
          type: "string",
          pattern: "^[a-z0-9-]+$",
          description: "The pack id, used by the `apiErrorInsight.catalog.packs` setting.",
        },
        read: {
          type: "string",
          pattern: "^\\d{4}-\\d{2}-\\d{2}$",
          description: "The date the API's documentation was read.",
        },
      },
    },
    entryRetry: {
      type: "string",
      enum: ["never", "after-fix", "backoff", "retry-after", "not-documented"],
      description:
        "The retry class an API documents for an entry (see `retryClass`), or `not-documented` when its documentation does not settle it (the HTTP status then decides).",
    },
    kind: {
      type: "string",
      enum: ["rate-limit", "server-error", "network"],
      description:
        "What the entry stands for when it is not its HTTP status: e.g. an AWS throttling code sent with 400 stands for a rate limit.",
    },
    docUrl: {
      type: "string",
      pattern: "^https?://",
      description: "The documentation page this entry was read from.",
    },
  },
};
const schema67 = {
  type: "object",
  additionalProperties: false,
  required: ["id"],
  description: "A built-in knowledge pack: one public API, read from its own documentation.",
  properties: {
    id: {
      type: "string",
      pattern: "^[a-z0-9-]+$",
      description: "The pack id, used by the `apiErrorInsight.catalog.packs` setting.",
    },
    read: {
      type: "string",
      pattern: "^\\d{4}-\\d{2}-\\d{2}$",
      description: "The date the API's documentation was read.",
    },
  },
};
const schema12 = {
  type: "object",
  additionalProperties: false,
  required: ["status"],
  properties: {
    status: { $ref: "#/definitions/statusCode" },
    name: { $ref: "#/definitions/text", description: 'Standard reason phrase, e.g. "Too Many Requests".' },
    meaning: { $ref: "#/definitions/text" },
    retry: { $ref: "#/definitions/retryClass" },
    advice: { $ref: "#/definitions/text", description: "Standard handling advice." },
    references: { type: "array", items: { $ref: "#/definitions/reference" } },
  },
};
const schema13 = { type: "integer", minimum: 100, maximum: 599 };
const schema14 = { type: "string", minLength: 1, maxLength: 2000 };
const schema16 = {
  type: "string",
  enum: ["never", "after-fix", "backoff", "retry-after"],
  description:
    "never: retrying cannot succeed; after-fix: only a changed request or new credentials can succeed; backoff: retry with capped exponential backoff and jitter; retry-after: wait for Retry-After, else back off.",
};
const func2 = require("ajv/dist/runtime/ucs2length").default;
const schema18 = {
  type: "object",
  additionalProperties: false,
  required: ["title"],
  properties: { title: { $ref: "#/definitions/text" }, url: { type: "string", pattern: "^https?://" } },
};
const pattern0 = new RegExp("^https?://", "u");
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.title === undefined) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "title" },
        message: "must have required property '" + "title" + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "title" || key0 === "url")) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.title !== undefined) {
      let data0 = data.title;
      if (typeof data0 === "string") {
        if (func2(data0) > 2000) {
          const err2 = {
            instancePath: instancePath + "/title",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (func2(data0) < 1) {
          const err3 = {
            instancePath: instancePath + "/title",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {
          instancePath: instancePath + "/title",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.url !== undefined) {
      let data1 = data.url;
      if (typeof data1 === "string") {
        if (!pattern0.test(data1)) {
          const err5 = {
            instancePath: instancePath + "/url",
            schemaPath: "#/properties/url/pattern",
            keyword: "pattern",
            params: { pattern: "^https?://" },
            message: 'must match pattern "' + "^https?://" + '"',
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = {
          instancePath: instancePath + "/url",
          schemaPath: "#/properties/url/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
  } else {
    const err7 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
    };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.status === undefined) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "status" },
        message: "must have required property '" + "status" + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(
        key0 === "status" ||
        key0 === "name" ||
        key0 === "meaning" ||
        key0 === "retry" ||
        key0 === "advice" ||
        key0 === "references"
      )) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.status !== undefined) {
      let data0 = data.status;
      if (!(typeof data0 == "number" && !(data0 % 1) && !isNaN(data0))) {
        const err2 = {
          instancePath: instancePath + "/status",
          schemaPath: "#/definitions/statusCode/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if (typeof data0 == "number") {
        if (data0 > 599 || isNaN(data0)) {
          const err3 = {
            instancePath: instancePath + "/status",
            schemaPath: "#/definitions/statusCode/maximum",
            keyword: "maximum",
            params: { comparison: "<=", limit: 599 },
            message: "must be <= 599",
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (data0 < 100 || isNaN(data0)) {
          const err4 = {
            instancePath: instancePath + "/status",
            schemaPath: "#/definitions/statusCode/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 100 },
            message: "must be >= 100",
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    }
    if (data.name !== undefined) {
      let data1 = data.name;
      if (typeof data1 === "string") {
        if (func2(data1) > 2000) {
          const err5 = {
            instancePath: instancePath + "/name",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (func2(data1) < 1) {
          const err6 = {
            instancePath: instancePath + "/name",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = {
          instancePath: instancePath + "/name",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.meaning !== undefined) {
      let data2 = data.meaning;
      if (typeof data2 === "string") {
        if (func2(data2) > 2000) {
          const err8 = {
            instancePath: instancePath + "/meaning",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        if (func2(data2) < 1) {
          const err9 = {
            instancePath: instancePath + "/meaning",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = {
          instancePath: instancePath + "/meaning",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.retry !== undefined) {
      let data3 = data.retry;
      if (typeof data3 !== "string") {
        const err11 = {
          instancePath: instancePath + "/retry",
          schemaPath: "#/definitions/retryClass/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
      if (!(data3 === "never" || data3 === "after-fix" || data3 === "backoff" || data3 === "retry-after")) {
        const err12 = {
          instancePath: instancePath + "/retry",
          schemaPath: "#/definitions/retryClass/enum",
          keyword: "enum",
          params: { allowedValues: schema16.enum },
          message: "must be equal to one of the allowed values",
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.advice !== undefined) {
      let data4 = data.advice;
      if (typeof data4 === "string") {
        if (func2(data4) > 2000) {
          const err13 = {
            instancePath: instancePath + "/advice",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
        if (func2(data4) < 1) {
          const err14 = {
            instancePath: instancePath + "/advice",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = {
          instancePath: instancePath + "/advice",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.references !== undefined) {
      let data5 = data.references;
      if (Array.isArray(data5)) {
        const len0 = data5.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (
            !validate12(data5[i0], {
              instancePath: instancePath + "/references/" + i0,
              parentData: data5,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err16 = {
          instancePath: instancePath + "/references",
          schemaPath: "#/properties/references/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
  } else {
    const err17 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
    };
    if (vErrors === null) {
      vErrors = [err17];
    } else {
      vErrors.push(err17);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
const schema20 = {
  type: "object",
  additionalProperties: false,
  required: ["name"],
  properties: {
    name: {
      $ref: "#/definitions/text",
      description: "The API's name; entries for an API of the same name are merged (later files win).",
    },
    source: {
      $ref: "#/definitions/text",
      description: "Where this knowledge comes from (a document name or URL).",
    },
    baseUrl: { type: "string" },
    docsUrl: { type: "string", pattern: "^https?://" },
    envelope: {
      type: "object",
      additionalProperties: false,
      required: ["description"],
      properties: {
        description: { $ref: "#/definitions/text" },
        example: { type: "string", maxLength: 4000 },
        url: { $ref: "#/definitions/docUrl" },
      },
    },
    statuses: { type: "array", items: { $ref: "#/definitions/apiStatus" } },
    errorCodes: { type: "array", items: { $ref: "#/definitions/errorCode" } },
    rateLimits: { type: "array", items: { $ref: "#/definitions/rateLimit" } },
    retry: { $ref: "#/definitions/retryGuidance" },
    sdkRetry: { $ref: "#/definitions/sdkRetry" },
    exceptions: { type: "array", items: { $ref: "#/definitions/exception" } },
    headers: { type: "array", items: { $ref: "#/definitions/apiHeader" } },
    relatedTo: {
      type: "object",
      additionalProperties: false,
      description:
        "How a source file shows that it calls this API: an import of one of its SDKs or a literal URL on one of its hosts.",
      properties: {
        imports: {
          type: "array",
          items: { type: "string" },
          description: "Module names (or prefixes: `@aws-sdk` matches `@aws-sdk/client-s3`).",
        },
        hosts: { type: "array", items: { type: "string" }, description: "Host names; subdomains match too." },
      },
    },
    idempotency: {
      type: "object",
      additionalProperties: false,
      required: ["description"],
      properties: {
        description: { $ref: "#/definitions/text" },
        header: { type: "string" },
        url: { $ref: "#/definitions/docUrl" },
      },
    },
  },
};
const schema24 = {
  type: "string",
  pattern: "^https?://",
  description: "The documentation page this entry was read from.",
};
const func10 = Object.prototype.hasOwnProperty;
const schema25 = {
  type: "object",
  additionalProperties: false,
  required: ["status"],
  properties: {
    status: { $ref: "#/definitions/statusCode" },
    when: { $ref: "#/definitions/text", description: "When this API returns the status." },
    fix: { $ref: "#/definitions/text", description: "How to fix or handle it." },
    url: { $ref: "#/definitions/docUrl" },
  },
};
function validate16(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.status === undefined) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "status" },
        message: "must have required property '" + "status" + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "status" || key0 === "when" || key0 === "fix" || key0 === "url")) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.status !== undefined) {
      let data0 = data.status;
      if (!(typeof data0 == "number" && !(data0 % 1) && !isNaN(data0))) {
        const err2 = {
          instancePath: instancePath + "/status",
          schemaPath: "#/definitions/statusCode/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if (typeof data0 == "number") {
        if (data0 > 599 || isNaN(data0)) {
          const err3 = {
            instancePath: instancePath + "/status",
            schemaPath: "#/definitions/statusCode/maximum",
            keyword: "maximum",
            params: { comparison: "<=", limit: 599 },
            message: "must be <= 599",
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (data0 < 100 || isNaN(data0)) {
          const err4 = {
            instancePath: instancePath + "/status",
            schemaPath: "#/definitions/statusCode/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 100 },
            message: "must be >= 100",
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    }
    if (data.when !== undefined) {
      let data1 = data.when;
      if (typeof data1 === "string") {
        if (func2(data1) > 2000) {
          const err5 = {
            instancePath: instancePath + "/when",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (func2(data1) < 1) {
          const err6 = {
            instancePath: instancePath + "/when",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = {
          instancePath: instancePath + "/when",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.fix !== undefined) {
      let data2 = data.fix;
      if (typeof data2 === "string") {
        if (func2(data2) > 2000) {
          const err8 = {
            instancePath: instancePath + "/fix",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        if (func2(data2) < 1) {
          const err9 = {
            instancePath: instancePath + "/fix",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = {
          instancePath: instancePath + "/fix",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.url !== undefined) {
      let data3 = data.url;
      if (typeof data3 === "string") {
        if (!pattern0.test(data3)) {
          const err11 = {
            instancePath: instancePath + "/url",
            schemaPath: "#/definitions/docUrl/pattern",
            keyword: "pattern",
            params: { pattern: "^https?://" },
            message: 'must match pattern "' + "^https?://" + '"',
          };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = {
          instancePath: instancePath + "/url",
          schemaPath: "#/definitions/docUrl/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
  } else {
    const err13 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
    };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  }
  validate16.errors = vErrors;
  return errors === 0;
}
const schema30 = {
  type: "object",
  additionalProperties: false,
  required: ["code"],
  properties: {
    code: {
      type: "string",
      minLength: 1,
      maxLength: 200,
      description: 'The machine-readable error code, e.g. "rate_limit_exceeded".',
    },
    status: { $ref: "#/definitions/statusCode" },
    description: { $ref: "#/definitions/text" },
    fix: { $ref: "#/definitions/text" },
    retryable: {
      type: "boolean",
      description:
        "false: retrying cannot succeed even when the status is 429 or 5xx (e.g. a suspended account, an exhausted quota).",
    },
    retry: { $ref: "#/definitions/entryRetry" },
    kind: { $ref: "#/definitions/kind" },
    url: { $ref: "#/definitions/docUrl" },
  },
};
const schema34 = {
  type: "string",
  enum: ["never", "after-fix", "backoff", "retry-after", "not-documented"],
  description:
    "The retry class an API documents for an entry (see `retryClass`), or `not-documented` when its documentation does not settle it (the HTTP status then decides).",
};
const schema35 = {
  type: "string",
  enum: ["rate-limit", "server-error", "network"],
  description:
    "What the entry stands for when it is not its HTTP status: e.g. an AWS throttling code sent with 400 stands for a rate limit.",
};
function validate18(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.code === undefined) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "code" },
        message: "must have required property '" + "code" + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(
        key0 === "code" ||
        key0 === "status" ||
        key0 === "description" ||
        key0 === "fix" ||
        key0 === "retryable" ||
        key0 === "retry" ||
        key0 === "kind" ||
        key0 === "url"
      )) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.code !== undefined) {
      let data0 = data.code;
      if (typeof data0 === "string") {
        if (func2(data0) > 200) {
          const err2 = {
            instancePath: instancePath + "/code",
            schemaPath: "#/properties/code/maxLength",
            keyword: "maxLength",
            params: { limit: 200 },
            message: "must NOT have more than 200 characters",
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (func2(data0) < 1) {
          const err3 = {
            instancePath: instancePath + "/code",
            schemaPath: "#/properties/code/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {
          instancePath: instancePath + "/code",
          schemaPath: "#/properties/code/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.status !== undefined) {
      let data1 = data.status;
      if (!(typeof data1 == "number" && !(data1 % 1) && !isNaN(data1))) {
        const err5 = {
          instancePath: instancePath + "/status",
          schemaPath: "#/definitions/statusCode/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if (typeof data1 == "number") {
        if (data1 > 599 || isNaN(data1)) {
          const err6 = {
            instancePath: instancePath + "/status",
            schemaPath: "#/definitions/statusCode/maximum",
            keyword: "maximum",
            params: { comparison: "<=", limit: 599 },
            message: "must be <= 599",
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (data1 < 100 || isNaN(data1)) {
          const err7 = {
            instancePath: instancePath + "/status",
            schemaPath: "#/definitions/statusCode/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 100 },
            message: "must be >= 100",
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      }
    }
    if (data.description !== undefined) {
      let data2 = data.description;
      if (typeof data2 === "string") {
        if (func2(data2) > 2000) {
          const err8 = {
            instancePath: instancePath + "/description",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        if (func2(data2) < 1) {
          const err9 = {
            instancePath: instancePath + "/description",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = {
          instancePath: instancePath + "/description",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.fix !== undefined) {
      let data3 = data.fix;
      if (typeof data3 === "string") {
        if (func2(data3) > 2000) {
          const err11 = {
            instancePath: instancePath + "/fix",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
        if (func2(data3) < 1) {
          const err12 = {
            instancePath: instancePath + "/fix",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = {
          instancePath: instancePath + "/fix",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.retryable !== undefined) {
      if (typeof data.retryable !== "boolean") {
        const err14 = {
          instancePath: instancePath + "/retryable",
          schemaPath: "#/properties/retryable/type",
          keyword: "type",
          params: { type: "boolean" },
          message: "must be boolean",
        };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.retry !== undefined) {
      let data5 = data.retry;
      if (typeof data5 !== "string") {
        const err15 = {
          instancePath: instancePath + "/retry",
          schemaPath: "#/definitions/entryRetry/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
      if (!(
        data5 === "never" ||
        data5 === "after-fix" ||
        data5 === "backoff" ||
        data5 === "retry-after" ||
        data5 === "not-documented"
      )) {
        const err16 = {
          instancePath: instancePath + "/retry",
          schemaPath: "#/definitions/entryRetry/enum",
          keyword: "enum",
          params: { allowedValues: schema34.enum },
          message: "must be equal to one of the allowed values",
        };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.kind !== undefined) {
      let data6 = data.kind;
      if (typeof data6 !== "string") {
        const err17 = {
          instancePath: instancePath + "/kind",
          schemaPath: "#/definitions/kind/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
      if (!(data6 === "rate-limit" || data6 === "server-error" || data6 === "network")) {
        const err18 = {
          instancePath: instancePath + "/kind",
          schemaPath: "#/definitions/kind/enum",
          keyword: "enum",
          params: { allowedValues: schema35.enum },
          message: "must be equal to one of the allowed values",
        };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.url !== undefined) {
      let data7 = data.url;
      if (typeof data7 === "string") {
        if (!pattern0.test(data7)) {
          const err19 = {
            instancePath: instancePath + "/url",
            schemaPath: "#/definitions/docUrl/pattern",
            keyword: "pattern",
            params: { pattern: "^https?://" },
            message: 'must match pattern "' + "^https?://" + '"',
          };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      } else {
        const err20 = {
          instancePath: instancePath + "/url",
          schemaPath: "#/definitions/docUrl/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
  } else {
    const err21 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
    };
    if (vErrors === null) {
      vErrors = [err21];
    } else {
      vErrors.push(err21);
    }
    errors++;
  }
  validate18.errors = vErrors;
  return errors === 0;
}
const schema37 = {
  type: "object",
  additionalProperties: false,
  required: ["scope", "limit", "window"],
  properties: {
    scope: { $ref: "#/definitions/text", description: 'Who the limit applies to, e.g. "API key".' },
    limit: { type: "integer", minimum: 1, description: "Requests per window." },
    window: { $ref: "#/definitions/text", description: 'E.g. "1 minute".' },
    algorithm: { $ref: "#/definitions/text", description: 'E.g. "sliding window".' },
    notes: { $ref: "#/definitions/text" },
  },
};
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.scope === undefined) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "scope" },
        message: "must have required property '" + "scope" + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.limit === undefined) {
      const err1 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "limit" },
        message: "must have required property '" + "limit" + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.window === undefined) {
      const err2 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "window" },
        message: "must have required property '" + "window" + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(
        key0 === "scope" ||
        key0 === "limit" ||
        key0 === "window" ||
        key0 === "algorithm" ||
        key0 === "notes"
      )) {
        const err3 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.scope !== undefined) {
      let data0 = data.scope;
      if (typeof data0 === "string") {
        if (func2(data0) > 2000) {
          const err4 = {
            instancePath: instancePath + "/scope",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        if (func2(data0) < 1) {
          const err5 = {
            instancePath: instancePath + "/scope",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = {
          instancePath: instancePath + "/scope",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.limit !== undefined) {
      let data1 = data.limit;
      if (!(typeof data1 == "number" && !(data1 % 1) && !isNaN(data1))) {
        const err7 = {
          instancePath: instancePath + "/limit",
          schemaPath: "#/properties/limit/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if (typeof data1 == "number") {
        if (data1 < 1 || isNaN(data1)) {
          const err8 = {
            instancePath: instancePath + "/limit",
            schemaPath: "#/properties/limit/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 1 },
            message: "must be >= 1",
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      }
    }
    if (data.window !== undefined) {
      let data2 = data.window;
      if (typeof data2 === "string") {
        if (func2(data2) > 2000) {
          const err9 = {
            instancePath: instancePath + "/window",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        if (func2(data2) < 1) {
          const err10 = {
            instancePath: instancePath + "/window",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = {
          instancePath: instancePath + "/window",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.algorithm !== undefined) {
      let data3 = data.algorithm;
      if (typeof data3 === "string") {
        if (func2(data3) > 2000) {
          const err12 = {
            instancePath: instancePath + "/algorithm",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
        if (func2(data3) < 1) {
          const err13 = {
            instancePath: instancePath + "/algorithm",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = {
          instancePath: instancePath + "/algorithm",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.notes !== undefined) {
      let data4 = data.notes;
      if (typeof data4 === "string") {
        if (func2(data4) > 2000) {
          const err15 = {
            instancePath: instancePath + "/notes",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        if (func2(data4) < 1) {
          const err16 = {
            instancePath: instancePath + "/notes",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = {
          instancePath: instancePath + "/notes",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
  } else {
    const err18 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
    };
    if (vErrors === null) {
      vErrors = [err18];
    } else {
      vErrors.push(err18);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
const schema42 = {
  type: "object",
  additionalProperties: false,
  properties: {
    statuses: {
      type: "array",
      items: { $ref: "#/definitions/statusCode" },
      description: "Statuses the API says to retry.",
    },
    maxAttempts: { type: "integer", minimum: 0 },
    backoffStartSeconds: { type: "number", minimum: 0 },
    backoffMaxSeconds: { type: "number", minimum: 0 },
    formula: { $ref: "#/definitions/text" },
    retryAfter: {
      $ref: "#/definitions/text",
      description: "How the API says to use Retry-After or the reset header.",
    },
    notes: { type: "array", items: { $ref: "#/definitions/text" } },
  },
};
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(
        key0 === "statuses" ||
        key0 === "maxAttempts" ||
        key0 === "backoffStartSeconds" ||
        key0 === "backoffMaxSeconds" ||
        key0 === "formula" ||
        key0 === "retryAfter" ||
        key0 === "notes"
      )) {
        const err0 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.statuses !== undefined) {
      let data0 = data.statuses;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (!(typeof data1 == "number" && !(data1 % 1) && !isNaN(data1))) {
            const err1 = {
              instancePath: instancePath + "/statuses/" + i0,
              schemaPath: "#/definitions/statusCode/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
            };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
          if (typeof data1 == "number") {
            if (data1 > 599 || isNaN(data1)) {
              const err2 = {
                instancePath: instancePath + "/statuses/" + i0,
                schemaPath: "#/definitions/statusCode/maximum",
                keyword: "maximum",
                params: { comparison: "<=", limit: 599 },
                message: "must be <= 599",
              };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (data1 < 100 || isNaN(data1)) {
              const err3 = {
                instancePath: instancePath + "/statuses/" + i0,
                schemaPath: "#/definitions/statusCode/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 100 },
                message: "must be >= 100",
              };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          }
        }
      } else {
        const err4 = {
          instancePath: instancePath + "/statuses",
          schemaPath: "#/properties/statuses/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.maxAttempts !== undefined) {
      let data2 = data.maxAttempts;
      if (!(typeof data2 == "number" && !(data2 % 1) && !isNaN(data2))) {
        const err5 = {
          instancePath: instancePath + "/maxAttempts",
          schemaPath: "#/properties/maxAttempts/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if (typeof data2 == "number") {
        if (data2 < 0 || isNaN(data2)) {
          const err6 = {
            instancePath: instancePath + "/maxAttempts",
            schemaPath: "#/properties/maxAttempts/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 0 },
            message: "must be >= 0",
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      }
    }
    if (data.backoffStartSeconds !== undefined) {
      let data3 = data.backoffStartSeconds;
      if (typeof data3 == "number") {
        if (data3 < 0 || isNaN(data3)) {
          const err7 = {
            instancePath: instancePath + "/backoffStartSeconds",
            schemaPath: "#/properties/backoffStartSeconds/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 0 },
            message: "must be >= 0",
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = {
          instancePath: instancePath + "/backoffStartSeconds",
          schemaPath: "#/properties/backoffStartSeconds/type",
          keyword: "type",
          params: { type: "number" },
          message: "must be number",
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.backoffMaxSeconds !== undefined) {
      let data4 = data.backoffMaxSeconds;
      if (typeof data4 == "number") {
        if (data4 < 0 || isNaN(data4)) {
          const err9 = {
            instancePath: instancePath + "/backoffMaxSeconds",
            schemaPath: "#/properties/backoffMaxSeconds/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 0 },
            message: "must be >= 0",
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = {
          instancePath: instancePath + "/backoffMaxSeconds",
          schemaPath: "#/properties/backoffMaxSeconds/type",
          keyword: "type",
          params: { type: "number" },
          message: "must be number",
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.formula !== undefined) {
      let data5 = data.formula;
      if (typeof data5 === "string") {
        if (func2(data5) > 2000) {
          const err11 = {
            instancePath: instancePath + "/formula",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
        if (func2(data5) < 1) {
          const err12 = {
            instancePath: instancePath + "/formula",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = {
          instancePath: instancePath + "/formula",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.retryAfter !== undefined) {
      let data6 = data.retryAfter;
      if (typeof data6 === "string") {
        if (func2(data6) > 2000) {
          const err14 = {
            instancePath: instancePath + "/retryAfter",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        if (func2(data6) < 1) {
          const err15 = {
            instancePath: instancePath + "/retryAfter",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = {
          instancePath: instancePath + "/retryAfter",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.notes !== undefined) {
      let data7 = data.notes;
      if (Array.isArray(data7)) {
        const len1 = data7.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data8 = data7[i1];
          if (typeof data8 === "string") {
            if (func2(data8) > 2000) {
              const err17 = {
                instancePath: instancePath + "/notes/" + i1,
                schemaPath: "#/definitions/text/maxLength",
                keyword: "maxLength",
                params: { limit: 2000 },
                message: "must NOT have more than 2000 characters",
              };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
            if (func2(data8) < 1) {
              const err18 = {
                instancePath: instancePath + "/notes/" + i1,
                schemaPath: "#/definitions/text/minLength",
                keyword: "minLength",
                params: { limit: 1 },
                message: "must NOT have fewer than 1 characters",
              };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
          } else {
            const err19 = {
              instancePath: instancePath + "/notes/" + i1,
              schemaPath: "#/definitions/text/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
            };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
      } else {
        const err20 = {
          instancePath: instancePath + "/notes",
          schemaPath: "#/properties/notes/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
  } else {
    const err21 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
    };
    if (vErrors === null) {
      vErrors = [err21];
    } else {
      vErrors.push(err21);
    }
    errors++;
  }
  validate22.errors = vErrors;
  return errors === 0;
}
const schema47 = {
  type: "object",
  additionalProperties: false,
  required: ["statuses", "maxRetries"],
  properties: {
    statuses: { type: "array", items: { $ref: "#/definitions/statusCode" } },
    maxRetries: { type: "integer", minimum: 0 },
    backoff: { $ref: "#/definitions/text" },
    options: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["language"],
        properties: {
          language: { type: "string" },
          retries: { type: "string" },
          statuses: { type: "string" },
          timeout: { type: "string" },
        },
      },
    },
    url: { $ref: "#/definitions/docUrl" },
  },
};
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.statuses === undefined) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "statuses" },
        message: "must have required property '" + "statuses" + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.maxRetries === undefined) {
      const err1 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "maxRetries" },
        message: "must have required property '" + "maxRetries" + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(
        key0 === "statuses" ||
        key0 === "maxRetries" ||
        key0 === "backoff" ||
        key0 === "options" ||
        key0 === "url"
      )) {
        const err2 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.statuses !== undefined) {
      let data0 = data.statuses;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (!(typeof data1 == "number" && !(data1 % 1) && !isNaN(data1))) {
            const err3 = {
              instancePath: instancePath + "/statuses/" + i0,
              schemaPath: "#/definitions/statusCode/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
            };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
          if (typeof data1 == "number") {
            if (data1 > 599 || isNaN(data1)) {
              const err4 = {
                instancePath: instancePath + "/statuses/" + i0,
                schemaPath: "#/definitions/statusCode/maximum",
                keyword: "maximum",
                params: { comparison: "<=", limit: 599 },
                message: "must be <= 599",
              };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
            if (data1 < 100 || isNaN(data1)) {
              const err5 = {
                instancePath: instancePath + "/statuses/" + i0,
                schemaPath: "#/definitions/statusCode/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 100 },
                message: "must be >= 100",
              };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          }
        }
      } else {
        const err6 = {
          instancePath: instancePath + "/statuses",
          schemaPath: "#/properties/statuses/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.maxRetries !== undefined) {
      let data2 = data.maxRetries;
      if (!(typeof data2 == "number" && !(data2 % 1) && !isNaN(data2))) {
        const err7 = {
          instancePath: instancePath + "/maxRetries",
          schemaPath: "#/properties/maxRetries/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if (typeof data2 == "number") {
        if (data2 < 0 || isNaN(data2)) {
          const err8 = {
            instancePath: instancePath + "/maxRetries",
            schemaPath: "#/properties/maxRetries/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 0 },
            message: "must be >= 0",
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      }
    }
    if (data.backoff !== undefined) {
      let data3 = data.backoff;
      if (typeof data3 === "string") {
        if (func2(data3) > 2000) {
          const err9 = {
            instancePath: instancePath + "/backoff",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        if (func2(data3) < 1) {
          const err10 = {
            instancePath: instancePath + "/backoff",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = {
          instancePath: instancePath + "/backoff",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.options !== undefined) {
      let data4 = data.options;
      if (Array.isArray(data4)) {
        const len1 = data4.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data5 = data4[i1];
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            if (data5.language === undefined) {
              const err12 = {
                instancePath: instancePath + "/options/" + i1,
                schemaPath: "#/properties/options/items/required",
                keyword: "required",
                params: { missingProperty: "language" },
                message: "must have required property '" + "language" + "'",
              };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
            for (const key1 in data5) {
              if (!(key1 === "language" || key1 === "retries" || key1 === "statuses" || key1 === "timeout")) {
                const err13 = {
                  instancePath: instancePath + "/options/" + i1,
                  schemaPath: "#/properties/options/items/additionalProperties",
                  keyword: "additionalProperties",
                  params: { additionalProperty: key1 },
                  message: "must NOT have additional properties",
                };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
            }
            if (data5.language !== undefined) {
              if (typeof data5.language !== "string") {
                const err14 = {
                  instancePath: instancePath + "/options/" + i1 + "/language",
                  schemaPath: "#/properties/options/items/properties/language/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
            if (data5.retries !== undefined) {
              if (typeof data5.retries !== "string") {
                const err15 = {
                  instancePath: instancePath + "/options/" + i1 + "/retries",
                  schemaPath: "#/properties/options/items/properties/retries/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
            if (data5.statuses !== undefined) {
              if (typeof data5.statuses !== "string") {
                const err16 = {
                  instancePath: instancePath + "/options/" + i1 + "/statuses",
                  schemaPath: "#/properties/options/items/properties/statuses/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
            }
            if (data5.timeout !== undefined) {
              if (typeof data5.timeout !== "string") {
                const err17 = {
                  instancePath: instancePath + "/options/" + i1 + "/timeout",
                  schemaPath: "#/properties/options/items/properties/timeout/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
            }
          } else {
            const err18 = {
              instancePath: instancePath + "/options/" + i1,
              schemaPath: "#/properties/options/items/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
            };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = {
          instancePath: instancePath + "/options",
          schemaPath: "#/properties/options/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.url !== undefined) {
      let data10 = data.url;
      if (typeof data10 === "string") {
        if (!pattern0.test(data10)) {
          const err20 = {
            instancePath: instancePath + "/url",
            schemaPath: "#/definitions/docUrl/pattern",
            keyword: "pattern",
            params: { pattern: "^https?://" },
            message: 'must match pattern "' + "^https?://" + '"',
          };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = {
          instancePath: instancePath + "/url",
          schemaPath: "#/definitions/docUrl/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
  } else {
    const err22 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
    };
    if (vErrors === null) {
      vErrors = [err22];
    } else {
      vErrors.push(err22);
    }
    errors++;
  }
  validate24.errors = vErrors;
  return errors === 0;
}
const schema51 = {
  type: "object",
  additionalProperties: false,
  required: ["name"],
  properties: {
    name: {
      type: "string",
      pattern: "^[A-Za-z_$][A-Za-z0-9_$]*$",
      description: 'The class name, e.g. "RateLimitError".',
    },
    parent: { type: "string" },
    status: { $ref: "#/definitions/statusCode", description: "The status the class stands for." },
    statuses: { type: "array", items: { $ref: "#/definitions/statusCode" } },
    convention: { type: "string", description: 'The library family, e.g. "requests (Python)".' },
    languages: { type: "array", items: { type: "string" } },
    description: { $ref: "#/definitions/text" },
    fix: { $ref: "#/definitions/text" },
    retryable: { type: "boolean" },
    retry: { $ref: "#/definitions/entryRetry" },
    kind: { $ref: "#/definitions/kind" },
    url: { $ref: "#/definitions/docUrl" },
    sdk: { type: "string", description: 'The SDK package that defines the class, e.g. "stripe (Python)".' },
  },
};
const pattern6 = new RegExp("^[A-Za-z_$][A-Za-z0-9_$]*$", "u");
function validate26(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === undefined) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "name" },
        message: "must have required property '" + "name" + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func10.call(schema51.properties, key0)) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (!pattern6.test(data0)) {
          const err2 = {
            instancePath: instancePath + "/name",
            schemaPath: "#/properties/name/pattern",
            keyword: "pattern",
            params: { pattern: "^[A-Za-z_$][A-Za-z0-9_$]*$" },
            message: 'must match pattern "' + "^[A-Za-z_$][A-Za-z0-9_$]*$" + '"',
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = {
          instancePath: instancePath + "/name",
          schemaPath: "#/properties/name/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.parent !== undefined) {
      if (typeof data.parent !== "string") {
        const err4 = {
          instancePath: instancePath + "/parent",
          schemaPath: "#/properties/parent/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.status !== undefined) {
      let data2 = data.status;
      if (!(typeof data2 == "number" && !(data2 % 1) && !isNaN(data2))) {
        const err5 = {
          instancePath: instancePath + "/status",
          schemaPath: "#/definitions/statusCode/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if (typeof data2 == "number") {
        if (data2 > 599 || isNaN(data2)) {
          const err6 = {
            instancePath: instancePath + "/status",
            schemaPath: "#/definitions/statusCode/maximum",
            keyword: "maximum",
            params: { comparison: "<=", limit: 599 },
            message: "must be <= 599",
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (data2 < 100 || isNaN(data2)) {
          const err7 = {
            instancePath: instancePath + "/status",
            schemaPath: "#/definitions/statusCode/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 100 },
            message: "must be >= 100",
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      }
    }
    if (data.statuses !== undefined) {
      let data3 = data.statuses;
      if (Array.isArray(data3)) {
        const len0 = data3.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data4 = data3[i0];
          if (!(typeof data4 == "number" && !(data4 % 1) && !isNaN(data4))) {
            const err8 = {
              instancePath: instancePath + "/statuses/" + i0,
              schemaPath: "#/definitions/statusCode/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
          if (typeof data4 == "number") {
            if (data4 > 599 || isNaN(data4)) {
              const err9 = {
                instancePath: instancePath + "/statuses/" + i0,
                schemaPath: "#/definitions/statusCode/maximum",
                keyword: "maximum",
                params: { comparison: "<=", limit: 599 },
                message: "must be <= 599",
              };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
            if (data4 < 100 || isNaN(data4)) {
              const err10 = {
                instancePath: instancePath + "/statuses/" + i0,
                schemaPath: "#/definitions/statusCode/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 100 },
                message: "must be >= 100",
              };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          }
        }
      } else {
        const err11 = {
          instancePath: instancePath + "/statuses",
          schemaPath: "#/properties/statuses/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.convention !== undefined) {
      if (typeof data.convention !== "string") {
        const err12 = {
          instancePath: instancePath + "/convention",
          schemaPath: "#/properties/convention/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.languages !== undefined) {
      let data6 = data.languages;
      if (Array.isArray(data6)) {
        const len1 = data6.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (typeof data6[i1] !== "string") {
            const err13 = {
              instancePath: instancePath + "/languages/" + i1,
              schemaPath: "#/properties/languages/items/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
            };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
      } else {
        const err14 = {
          instancePath: instancePath + "/languages",
          schemaPath: "#/properties/languages/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.description !== undefined) {
      let data8 = data.description;
      if (typeof data8 === "string") {
        if (func2(data8) > 2000) {
          const err15 = {
            instancePath: instancePath + "/description",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        if (func2(data8) < 1) {
          const err16 = {
            instancePath: instancePath + "/description",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = {
          instancePath: instancePath + "/description",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.fix !== undefined) {
      let data9 = data.fix;
      if (typeof data9 === "string") {
        if (func2(data9) > 2000) {
          const err18 = {
            instancePath: instancePath + "/fix",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        if (func2(data9) < 1) {
          const err19 = {
            instancePath: instancePath + "/fix",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      } else {
        const err20 = {
          instancePath: instancePath + "/fix",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.retryable !== undefined) {
      if (typeof data.retryable !== "boolean") {
        const err21 = {
          instancePath: instancePath + "/retryable",
          schemaPath: "#/properties/retryable/type",
          keyword: "type",
          params: { type: "boolean" },
          message: "must be boolean",
        };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.retry !== undefined) {
      let data11 = data.retry;
      if (typeof data11 !== "string") {
        const err22 = {
          instancePath: instancePath + "/retry",
          schemaPath: "#/definitions/entryRetry/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
      if (!(
        data11 === "never" ||
        data11 === "after-fix" ||
        data11 === "backoff" ||
        data11 === "retry-after" ||
        data11 === "not-documented"
      )) {
        const err23 = {
          instancePath: instancePath + "/retry",
          schemaPath: "#/definitions/entryRetry/enum",
          keyword: "enum",
          params: { allowedValues: schema34.enum },
          message: "must be equal to one of the allowed values",
        };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.kind !== undefined) {
      let data12 = data.kind;
      if (typeof data12 !== "string") {
        const err24 = {
          instancePath: instancePath + "/kind",
          schemaPath: "#/definitions/kind/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
      if (!(data12 === "rate-limit" || data12 === "server-error" || data12 === "network")) {
        const err25 = {
          instancePath: instancePath + "/kind",
          schemaPath: "#/definitions/kind/enum",
          keyword: "enum",
          params: { allowedValues: schema35.enum },
          message: "must be equal to one of the allowed values",
        };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.url !== undefined) {
      let data13 = data.url;
      if (typeof data13 === "string") {
        if (!pattern0.test(data13)) {
          const err26 = {
            instancePath: instancePath + "/url",
            schemaPath: "#/definitions/docUrl/pattern",
            keyword: "pattern",
            params: { pattern: "^https?://" },
            message: 'must match pattern "' + "^https?://" + '"',
          };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
      } else {
        const err27 = {
          instancePath: instancePath + "/url",
          schemaPath: "#/definitions/docUrl/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.sdk !== undefined) {
      if (typeof data.sdk !== "string") {
        const err28 = {
          instancePath: instancePath + "/sdk",
          schemaPath: "#/properties/sdk/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
  } else {
    const err29 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
    };
    if (vErrors === null) {
      vErrors = [err29];
    } else {
      vErrors.push(err29);
    }
    errors++;
  }
  validate26.errors = vErrors;
  return errors === 0;
}
const schema59 = {
  type: "object",
  additionalProperties: false,
  required: ["name", "description"],
  properties: {
    name: { type: "string", pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" },
    description: { $ref: "#/definitions/text" },
    url: { $ref: "#/definitions/docUrl" },
    waits: {
      type: "boolean",
      description: "true: the header says how long to wait (reading it honours the server's wait).",
    },
  },
};
const pattern8 = new RegExp("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", "u");
function validate28(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === undefined) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "name" },
        message: "must have required property '" + "name" + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.description === undefined) {
      const err1 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "description" },
        message: "must have required property '" + "description" + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "name" || key0 === "description" || key0 === "url" || key0 === "waits")) {
        const err2 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (!pattern8.test(data0)) {
          const err3 = {
            instancePath: instancePath + "/name",
            schemaPath: "#/properties/name/pattern",
            keyword: "pattern",
            params: { pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" },
            message: 'must match pattern "' + "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" + '"',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {
          instancePath: instancePath + "/name",
          schemaPath: "#/properties/name/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.description !== undefined) {
      let data1 = data.description;
      if (typeof data1 === "string") {
        if (func2(data1) > 2000) {
          const err5 = {
            instancePath: instancePath + "/description",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (func2(data1) < 1) {
          const err6 = {
            instancePath: instancePath + "/description",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = {
          instancePath: instancePath + "/description",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.url !== undefined) {
      let data2 = data.url;
      if (typeof data2 === "string") {
        if (!pattern0.test(data2)) {
          const err8 = {
            instancePath: instancePath + "/url",
            schemaPath: "#/definitions/docUrl/pattern",
            keyword: "pattern",
            params: { pattern: "^https?://" },
            message: 'must match pattern "' + "^https?://" + '"',
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = {
          instancePath: instancePath + "/url",
          schemaPath: "#/definitions/docUrl/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.waits !== undefined) {
      if (typeof data.waits !== "boolean") {
        const err10 = {
          instancePath: instancePath + "/waits",
          schemaPath: "#/properties/waits/type",
          keyword: "type",
          params: { type: "boolean" },
          message: "must be boolean",
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
  } else {
    const err11 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
    };
    if (vErrors === null) {
      vErrors = [err11];
    } else {
      vErrors.push(err11);
    }
    errors++;
  }
  validate28.errors = vErrors;
  return errors === 0;
}
function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === undefined) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "name" },
        message: "must have required property '" + "name" + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func10.call(schema20.properties, key0)) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (func2(data0) > 2000) {
          const err2 = {
            instancePath: instancePath + "/name",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (func2(data0) < 1) {
          const err3 = {
            instancePath: instancePath + "/name",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {
          instancePath: instancePath + "/name",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.source !== undefined) {
      let data1 = data.source;
      if (typeof data1 === "string") {
        if (func2(data1) > 2000) {
          const err5 = {
            instancePath: instancePath + "/source",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (func2(data1) < 1) {
          const err6 = {
            instancePath: instancePath + "/source",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = {
          instancePath: instancePath + "/source",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.baseUrl !== undefined) {
      if (typeof data.baseUrl !== "string") {
        const err8 = {
          instancePath: instancePath + "/baseUrl",
          schemaPath: "#/properties/baseUrl/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.docsUrl !== undefined) {
      let data3 = data.docsUrl;
      if (typeof data3 === "string") {
        if (!pattern0.test(data3)) {
          const err9 = {
            instancePath: instancePath + "/docsUrl",
            schemaPath: "#/properties/docsUrl/pattern",
            keyword: "pattern",
            params: { pattern: "^https?://" },
            message: 'must match pattern "' + "^https?://" + '"',
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = {
          instancePath: instancePath + "/docsUrl",
          schemaPath: "#/properties/docsUrl/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.envelope !== undefined) {
      let data4 = data.envelope;
      if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
        if (data4.description === undefined) {
          const err11 = {
            instancePath: instancePath + "/envelope",
            schemaPath: "#/properties/envelope/required",
            keyword: "required",
            params: { missingProperty: "description" },
            message: "must have required property '" + "description" + "'",
          };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
        for (const key1 in data4) {
          if (!(key1 === "description" || key1 === "example" || key1 === "url")) {
            const err12 = {
              instancePath: instancePath + "/envelope",
              schemaPath: "#/properties/envelope/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key1 },
              message: "must NOT have additional properties",
            };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data4.description !== undefined) {
          let data5 = data4.description;
          if (typeof data5 === "string") {
            if (func2(data5) > 2000) {
              const err13 = {
                instancePath: instancePath + "/envelope/description",
                schemaPath: "#/definitions/text/maxLength",
                keyword: "maxLength",
                params: { limit: 2000 },
                message: "must NOT have more than 2000 characters",
              };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
            if (func2(data5) < 1) {
              const err14 = {
                instancePath: instancePath + "/envelope/description",
                schemaPath: "#/definitions/text/minLength",
                keyword: "minLength",
                params: { limit: 1 },
                message: "must NOT have fewer than 1 characters",
              };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          } else {
            const err15 = {
              instancePath: instancePath + "/envelope/description",
              schemaPath: "#/definitions/text/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
            };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        if (data4.example !== undefined) {
          let data6 = data4.example;
          if (typeof data6 === "string") {
            if (func2(data6) > 4000) {
              const err16 = {
                instancePath: instancePath + "/envelope/example",
                schemaPath: "#/properties/envelope/properties/example/maxLength",
                keyword: "maxLength",
                params: { limit: 4000 },
                message: "must NOT have more than 4000 characters",
              };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
          } else {
            const err17 = {
              instancePath: instancePath + "/envelope/example",
              schemaPath: "#/properties/envelope/properties/example/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
            };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
        if (data4.url !== undefined) {
          let data7 = data4.url;
          if (typeof data7 === "string") {
            if (!pattern0.test(data7)) {
              const err18 = {
                instancePath: instancePath + "/envelope/url",
                schemaPath: "#/definitions/docUrl/pattern",
                keyword: "pattern",
                params: { pattern: "^https?://" },
                message: 'must match pattern "' + "^https?://" + '"',
              };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
          } else {
            const err19 = {
              instancePath: instancePath + "/envelope/url",
              schemaPath: "#/definitions/docUrl/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
            };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
      } else {
        const err20 = {
          instancePath: instancePath + "/envelope",
          schemaPath: "#/properties/envelope/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.statuses !== undefined) {
      let data8 = data.statuses;
      if (Array.isArray(data8)) {
        const len0 = data8.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (
            !validate16(data8[i0], {
              instancePath: instancePath + "/statuses/" + i0,
              parentData: data8,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err21 = {
          instancePath: instancePath + "/statuses",
          schemaPath: "#/properties/statuses/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.errorCodes !== undefined) {
      let data10 = data.errorCodes;
      if (Array.isArray(data10)) {
        const len1 = data10.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (
            !validate18(data10[i1], {
              instancePath: instancePath + "/errorCodes/" + i1,
              parentData: data10,
              parentDataProperty: i1,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err22 = {
          instancePath: instancePath + "/errorCodes",
          schemaPath: "#/properties/errorCodes/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.rateLimits !== undefined) {
      let data12 = data.rateLimits;
      if (Array.isArray(data12)) {
        const len2 = data12.length;
        for (let i2 = 0; i2 < len2; i2++) {
          if (
            !validate20(data12[i2], {
              instancePath: instancePath + "/rateLimits/" + i2,
              parentData: data12,
              parentDataProperty: i2,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err23 = {
          instancePath: instancePath + "/rateLimits",
          schemaPath: "#/properties/rateLimits/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.retry !== undefined) {
      if (
        !validate22(data.retry, {
          instancePath: instancePath + "/retry",
          parentData: data,
          parentDataProperty: "retry",
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
        errors = vErrors.length;
      }
    }
    if (data.sdkRetry !== undefined) {
      if (
        !validate24(data.sdkRetry, {
          instancePath: instancePath + "/sdkRetry",
          parentData: data,
          parentDataProperty: "sdkRetry",
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
        errors = vErrors.length;
      }
    }
    if (data.exceptions !== undefined) {
      let data16 = data.exceptions;
      if (Array.isArray(data16)) {
        const len3 = data16.length;
        for (let i3 = 0; i3 < len3; i3++) {
          if (
            !validate26(data16[i3], {
              instancePath: instancePath + "/exceptions/" + i3,
              parentData: data16,
              parentDataProperty: i3,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err24 = {
          instancePath: instancePath + "/exceptions",
          schemaPath: "#/properties/exceptions/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data18 = data.headers;
      if (Array.isArray(data18)) {
        const len4 = data18.length;
        for (let i4 = 0; i4 < len4; i4++) {
          if (
            !validate28(data18[i4], {
              instancePath: instancePath + "/headers/" + i4,
              parentData: data18,
              parentDataProperty: i4,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err25 = {
          instancePath: instancePath + "/headers",
          schemaPath: "#/properties/headers/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.relatedTo !== undefined) {
      let data20 = data.relatedTo;
      if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
        for (const key2 in data20) {
          if (!(key2 === "imports" || key2 === "hosts")) {
            const err26 = {
              instancePath: instancePath + "/relatedTo",
              schemaPath: "#/properties/relatedTo/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key2 },
              message: "must NOT have additional properties",
            };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        if (data20.imports !== undefined) {
          let data21 = data20.imports;
          if (Array.isArray(data21)) {
            const len5 = data21.length;
            for (let i5 = 0; i5 < len5; i5++) {
              if (typeof data21[i5] !== "string") {
                const err27 = {
                  instancePath: instancePath + "/relatedTo/imports/" + i5,
                  schemaPath: "#/properties/relatedTo/properties/imports/items/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
          } else {
            const err28 = {
              instancePath: instancePath + "/relatedTo/imports",
              schemaPath: "#/properties/relatedTo/properties/imports/type",
              keyword: "type",
              params: { type: "array" },
              message: "must be array",
            };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
        if (data20.hosts !== undefined) {
          let data23 = data20.hosts;
          if (Array.isArray(data23)) {
            const len6 = data23.length;
            for (let i6 = 0; i6 < len6; i6++) {
              if (typeof data23[i6] !== "string") {
                const err29 = {
                  instancePath: instancePath + "/relatedTo/hosts/" + i6,
                  schemaPath: "#/properties/relatedTo/properties/hosts/items/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
          } else {
            const err30 = {
              instancePath: instancePath + "/relatedTo/hosts",
              schemaPath: "#/properties/relatedTo/properties/hosts/type",
              keyword: "type",
              params: { type: "array" },
              message: "must be array",
            };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
      } else {
        const err31 = {
          instancePath: instancePath + "/relatedTo",
          schemaPath: "#/properties/relatedTo/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
    }
    if (data.idempotency !== undefined) {
      let data25 = data.idempotency;
      if (data25 && typeof data25 == "object" && !Array.isArray(data25)) {
        if (data25.description === undefined) {
          const err32 = {
            instancePath: instancePath + "/idempotency",
            schemaPath: "#/properties/idempotency/required",
            keyword: "required",
            params: { missingProperty: "description" },
            message: "must have required property '" + "description" + "'",
          };
          if (vErrors === null) {
            vErrors = [err32];
          } else {
            vErrors.push(err32);
          }
          errors++;
        }
        for (const key3 in data25) {
          if (!(key3 === "description" || key3 === "header" || key3 === "url")) {
            const err33 = {
              instancePath: instancePath + "/idempotency",
              schemaPath: "#/properties/idempotency/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key3 },
              message: "must NOT have additional properties",
            };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
        if (data25.description !== undefined) {
          let data26 = data25.description;
          if (typeof data26 === "string") {
            if (func2(data26) > 2000) {
              const err34 = {
                instancePath: instancePath + "/idempotency/description",
                schemaPath: "#/definitions/text/maxLength",
                keyword: "maxLength",
                params: { limit: 2000 },
                message: "must NOT have more than 2000 characters",
              };
              if (vErrors === null) {
                vErrors = [err34];
              } else {
                vErrors.push(err34);
              }
              errors++;
            }
            if (func2(data26) < 1) {
              const err35 = {
                instancePath: instancePath + "/idempotency/description",
                schemaPath: "#/definitions/text/minLength",
                keyword: "minLength",
                params: { limit: 1 },
                message: "must NOT have fewer than 1 characters",
              };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
          } else {
            const err36 = {
              instancePath: instancePath + "/idempotency/description",
              schemaPath: "#/definitions/text/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
            };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
        if (data25.header !== undefined) {
          if (typeof data25.header !== "string") {
            const err37 = {
              instancePath: instancePath + "/idempotency/header",
              schemaPath: "#/properties/idempotency/properties/header/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
            };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
        }
        if (data25.url !== undefined) {
          let data28 = data25.url;
          if (typeof data28 === "string") {
            if (!pattern0.test(data28)) {
              const err38 = {
                instancePath: instancePath + "/idempotency/url",
                schemaPath: "#/definitions/docUrl/pattern",
                keyword: "pattern",
                params: { pattern: "^https?://" },
                message: 'must match pattern "' + "^https?://" + '"',
              };
              if (vErrors === null) {
                vErrors = [err38];
              } else {
                vErrors.push(err38);
              }
              errors++;
            }
          } else {
            const err39 = {
              instancePath: instancePath + "/idempotency/url",
              schemaPath: "#/definitions/docUrl/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
            };
            if (vErrors === null) {
              vErrors = [err39];
            } else {
              vErrors.push(err39);
            }
            errors++;
          }
        }
      } else {
        const err40 = {
          instancePath: instancePath + "/idempotency",
          schemaPath: "#/properties/idempotency/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        };
        if (vErrors === null) {
          vErrors = [err40];
        } else {
          vErrors.push(err40);
        }
        errors++;
      }
    }
  } else {
    const err41 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
    };
    if (vErrors === null) {
      vErrors = [err41];
    } else {
      vErrors.push(err41);
    }
    errors++;
  }
  validate15.errors = vErrors;
  return errors === 0;
}
const schema64 = {
  type: "object",
  additionalProperties: false,
  required: ["name"],
  properties: {
    name: { type: "string", pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" },
    description: { $ref: "#/definitions/text" },
    usage: { $ref: "#/definitions/text" },
    example: { type: "string" },
    references: { type: "array", items: { $ref: "#/definitions/reference" } },
  },
};
function validate31(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === undefined) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "name" },
        message: "must have required property '" + "name" + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(
        key0 === "name" ||
        key0 === "description" ||
        key0 === "usage" ||
        key0 === "example" ||
        key0 === "references"
      )) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (!pattern8.test(data0)) {
          const err2 = {
            instancePath: instancePath + "/name",
            schemaPath: "#/properties/name/pattern",
            keyword: "pattern",
            params: { pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" },
            message: 'must match pattern "' + "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" + '"',
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = {
          instancePath: instancePath + "/name",
          schemaPath: "#/properties/name/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.description !== undefined) {
      let data1 = data.description;
      if (typeof data1 === "string") {
        if (func2(data1) > 2000) {
          const err4 = {
            instancePath: instancePath + "/description",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        if (func2(data1) < 1) {
          const err5 = {
            instancePath: instancePath + "/description",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = {
          instancePath: instancePath + "/description",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.usage !== undefined) {
      let data2 = data.usage;
      if (typeof data2 === "string") {
        if (func2(data2) > 2000) {
          const err7 = {
            instancePath: instancePath + "/usage",
            schemaPath: "#/definitions/text/maxLength",
            keyword: "maxLength",
            params: { limit: 2000 },
            message: "must NOT have more than 2000 characters",
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        if (func2(data2) < 1) {
          const err8 = {
            instancePath: instancePath + "/usage",
            schemaPath: "#/definitions/text/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = {
          instancePath: instancePath + "/usage",
          schemaPath: "#/definitions/text/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.example !== undefined) {
      if (typeof data.example !== "string") {
        const err10 = {
          instancePath: instancePath + "/example",
          schemaPath: "#/properties/example/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.references !== undefined) {
      let data4 = data.references;
      if (Array.isArray(data4)) {
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (
            !validate12(data4[i0], {
              instancePath: instancePath + "/references/" + i0,
              parentData: data4,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err11 = {
          instancePath: instancePath + "/references",
          schemaPath: "#/properties/references/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
  } else {
    const err12 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
    };
    if (vErrors === null) {
      vErrors = [err12];
    } else {
      vErrors.push(err12);
    }
    errors++;
  }
  validate31.errors = vErrors;
  return errors === 0;
}
const pattern12 = new RegExp("^[a-z0-9-]+$", "u");
const pattern13 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="https://api-error-insight.dev/schemas/catalog.schema.json" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(
        key0 === "$schema" ||
        key0 === "source" ||
        key0 === "statuses" ||
        key0 === "apis" ||
        key0 === "headers" ||
        key0 === "exceptions" ||
        key0 === "pack"
      )) {
        const err0 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.$schema !== undefined) {
      if (typeof data.$schema !== "string") {
        const err1 = {
          instancePath: instancePath + "/$schema",
          schemaPath: "#/properties/%24schema/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.source !== undefined) {
      if (typeof data.source !== "string") {
        const err2 = {
          instancePath: instancePath + "/source",
          schemaPath: "#/properties/source/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.statuses !== undefined) {
      let data2 = data.statuses;
      if (Array.isArray(data2)) {
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (
            !validate11(data2[i0], {
              instancePath: instancePath + "/statuses/" + i0,
              parentData: data2,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err3 = {
          instancePath: instancePath + "/statuses",
          schemaPath: "#/properties/statuses/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.apis !== undefined) {
      let data4 = data.apis;
      if (Array.isArray(data4)) {
        const len1 = data4.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (
            !validate15(data4[i1], {
              instancePath: instancePath + "/apis/" + i1,
              parentData: data4,
              parentDataProperty: i1,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err4 = {
          instancePath: instancePath + "/apis",
          schemaPath: "#/properties/apis/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data6 = data.headers;
      if (Array.isArray(data6)) {
        const len2 = data6.length;
        for (let i2 = 0; i2 < len2; i2++) {
          if (
            !validate31(data6[i2], {
              instancePath: instancePath + "/headers/" + i2,
              parentData: data6,
              parentDataProperty: i2,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err5 = {
          instancePath: instancePath + "/headers",
          schemaPath: "#/properties/headers/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.exceptions !== undefined) {
      let data8 = data.exceptions;
      if (Array.isArray(data8)) {
        const len3 = data8.length;
        for (let i3 = 0; i3 < len3; i3++) {
          if (
            !validate26(data8[i3], {
              instancePath: instancePath + "/exceptions/" + i3,
              parentData: data8,
              parentDataProperty: i3,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err6 = {
          instancePath: instancePath + "/exceptions",
          schemaPath: "#/properties/exceptions/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.pack !== undefined) {
      let data10 = data.pack;
      if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
        if (data10.id === undefined) {
          const err7 = {
            instancePath: instancePath + "/pack",
            schemaPath: "#/definitions/pack/required",
            keyword: "required",
            params: { missingProperty: "id" },
            message: "must have required property '" + "id" + "'",
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        for (const key1 in data10) {
          if (!(key1 === "id" || key1 === "read")) {
            const err8 = {
              instancePath: instancePath + "/pack",
              schemaPath: "#/definitions/pack/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key1 },
              message: "must NOT have additional properties",
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data10.id !== undefined) {
          let data11 = data10.id;
          if (typeof data11 === "string") {
            if (!pattern12.test(data11)) {
              const err9 = {
                instancePath: instancePath + "/pack/id",
                schemaPath: "#/definitions/pack/properties/id/pattern",
                keyword: "pattern",
                params: { pattern: "^[a-z0-9-]+$" },
                message: 'must match pattern "' + "^[a-z0-9-]+$" + '"',
              };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          } else {
            const err10 = {
              instancePath: instancePath + "/pack/id",
              schemaPath: "#/definitions/pack/properties/id/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
            };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data10.read !== undefined) {
          let data12 = data10.read;
          if (typeof data12 === "string") {
            if (!pattern13.test(data12)) {
              const err11 = {
                instancePath: instancePath + "/pack/read",
                schemaPath: "#/definitions/pack/properties/read/pattern",
                keyword: "pattern",
                params: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
                message: 'must match pattern "' + "^\\d{4}-\\d{2}-\\d{2}$" + '"',
              };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          } else {
            const err12 = {
              instancePath: instancePath + "/pack/read",
              schemaPath: "#/definitions/pack/properties/read/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
            };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
      } else {
        const err13 = {
          instancePath: instancePath + "/pack",
          schemaPath: "#/definitions/pack/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
  } else {
    const err14 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
    };
    if (vErrors === null) {
      vErrors = [err14];
    } else {
      vErrors.push(err14);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
