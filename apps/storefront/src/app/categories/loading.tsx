import { Loading } from "@shop/web/ui";

export default function PageLoading() {
  return <Loading />;
}
