import ky from "ky";

// Storefront API client shared by the cart and checkout pages.
export const shopApi = ky.create({
  prefixUrl: process.env.NEXT_PUBLIC_SHOP_API,
  timeout: 15000,
  retry: {
    limit: 4,
    methods: ["get", "put", "delete"],
    statusCodes: [401, 408, 429, 500, 502, 503, 504],
    backoffLimit: 10000,
    delay: (attemptCount) => Math.random() * 300 * 2 ** attemptCount,
  },
  hooks: {
    beforeRequest: [
      (request) => {
        const token = window.localStorage.getItem("shop_token");
        if (token) request.headers.set("Authorization", `Bearer ${token}`);
      },
    ],
  },
});

export async function getCart(cartId) {
  return shopApi.get(`carts/${cartId}`).json();
}

export async function setLineQuantity(cartId, lineId, quantity) {
  return shopApi.put(`carts/${cartId}/lines/${lineId}`, { json: { quantity } }).json();
}

export async function removeLine(cartId, lineId) {
  await shopApi.delete(`carts/${cartId}/lines/${lineId}`);
}

export async function listProducts(collection, page = 1) {
  return shopApi.get("products", { searchParams: { collection, page, limit: 24 } }).json();
}
