import { foldText } from "../../rules/fold";

/**
 * The 13 district-level units of Phú Thọ (before the 2019–2020 commune mergers) with communes and
 * towns of each, for sample workbooks that look like the ones districts send.
 */
export interface District {
  /** "Thanh Ba" */
  name: string;
  kind: "huyện" | "thị xã" | "thành phố";
  /** Communes with their kind: "Xã Tiên Kiên", "Thị trấn Lâm Thao". */
  communes: string[];
}

const xa = (names: string): string[] => names.split(",").map((n) => `Xã ${n.trim()}`);

export const DISTRICTS: District[] = [
  {
    name: "Việt Trì",
    kind: "thành phố",
    communes: xa(
      "Thụy Vân, Chu Hóa, Hy Cương, Thanh Đình, Kim Đức, Hùng Lô, Phượng Lâu, Sông Lô, Trưng Vương, Tân Đức"
    ),
  },
  { name: "Phú Thọ", kind: "thị xã", communes: xa("Hà Lộc, Hà Thạch, Phú Hộ, Thanh Minh, Văn Lung, Thanh Vinh") },
  {
    name: "Lâm Thao",
    kind: "huyện",
    communes: [
      "Thị trấn Lâm Thao",
      "Thị trấn Hùng Sơn",
      ...xa(
        "Tiên Kiên, Xuân Lũng, Xuân Huy, Thạch Sơn, Sơn Vi, Hợp Hải, Kinh Kệ, Bản Nguyên, Vĩnh Lại, Cao Xá, Tứ Xã, Sơn Dương, Phùng Nguyên"
      ),
    ],
  },
  {
    name: "Phù Ninh",
    kind: "huyện",
    communes: [
      "Thị trấn Phong Châu",
      ...xa(
        "An Đạo, Bình Bộ, Tử Đà, Vĩnh Phú, Trị Quận, Hạ Giáp, Tiên Du, Phú Nham, Gia Thanh, Phú Lộc, Trạm Thản, Liên Hoa, Lệ Mỹ, Phú Mỹ, Bảo Thanh, Phù Ninh, Tiên Phú"
      ),
    ],
  },
  {
    name: "Thanh Ba",
    kind: "huyện",
    communes: [
      "Thị trấn Thanh Ba",
      ...xa(
        "Đại An, Đông Thành, Đồng Xuân, Đông Lĩnh, Hanh Cù, Hoàng Cương, Khải Xuân, Mạn Lạn, Năng Yên, Ninh Dân, Phương Lĩnh, Quảng Nạp, Sơn Cương, Thái Ninh, Thanh Hà, Thanh Vân, Thanh Xá, Vân Lĩnh, Võ Lao, Vũ Yển, Yển Khê, Yên Nội, Chí Tiên, Đỗ Sơn, Đỗ Xuyên, Lương Lỗ"
      ),
    ],
  },
  {
    name: "Đoan Hùng",
    kind: "huyện",
    communes: [
      "Thị trấn Đoan Hùng",
      ...xa(
        "Chân Mộng, Chí Đám, Hùng Xuyên, Bằng Luân, Ngọc Quan, Tây Cốc, Vân Du, Sóc Đăng, Phú Lâm, Minh Lương, Yên Kiện, Vụ Quang, Hữu Đô, Đại Nghĩa, Phúc Lai, Tiêu Sơn, Minh Phú, Ca Đình, Hùng Long"
      ),
    ],
  },
  {
    name: "Hạ Hòa",
    kind: "huyện",
    communes: [
      "Thị trấn Hạ Hòa",
      ...xa(
        "Ấm Hạ, Gia Điền, Hiền Lương, Vĩnh Chân, Văn Lang, Lang Sơn, Minh Côi, Đại Phạm, Hà Lương, Yên Kỳ, Chuế Lưu, Mai Tùng, Phương Viên, Hương Xạ, Bằng Giã, Tứ Hiệp, Vô Tranh, Liên Phương"
      ),
    ],
  },
  {
    name: "Cẩm Khê",
    kind: "huyện",
    communes: [
      "Thị trấn Sông Thao",
      ...xa(
        "Sơn Tình, Tiên Lương, Văn Bán, Tuy Lộc, Phượng Vĩ, Đồng Cam, Hiền Đa, Cấp Dẫn, Xương Thịnh, Phú Khê, Tạ Xá, Tình Cương, Chương Xá, Thụy Liễu, Ngô Xá, Phùng Xá, Điêu Lương, Yên Dưỡng, Tam Sơn, Sai Nga"
      ),
    ],
  },
  {
    name: "Yên Lập",
    kind: "huyện",
    communes: [
      "Thị trấn Yên Lập",
      ...xa(
        "Minh Hòa, Ngọc Đồng, Ngọc Lập, Phúc Khánh, Lương Sơn, Xuân An, Xuân Viên, Xuân Thủy, Trung Sơn, Hưng Long, Nga Hoàng, Đồng Lạc, Thượng Long, Đồng Thịnh, Mỹ Lương, Mỹ Lung"
      ),
    ],
  },
  {
    name: "Tam Nông",
    kind: "huyện",
    communes: [
      "Thị trấn Hưng Hóa",
      ...xa(
        "Hương Nộn, Cổ Tiết, Dị Nậu, Thọ Văn, Hùng Đô, Quang Húc, Tề Lễ, Thượng Nông, Dân Quyền, Hồng Đà, Xuân Quang, Văn Lương, Tam Cường, Thanh Uyên, Hiền Quan, Vực Trường, Phương Thịnh"
      ),
    ],
  },
  {
    name: "Thanh Thủy",
    kind: "huyện",
    communes: [
      "Thị trấn Thanh Thủy",
      ...xa(
        "Đào Xá, Thạch Đồng, Xuân Lộc, Tân Phương, Đồng Trung, Hoàng Xá, Sơn Thủy, Bảo Yên, Đoan Hạ, Tu Vũ, Yến Mao, Phượng Mao, Trung Nghĩa, Trung Thịnh"
      ),
    ],
  },
  {
    name: "Thanh Sơn",
    kind: "huyện",
    communes: [
      "Thị trấn Thanh Sơn",
      ...xa(
        "Sơn Hùng, Địch Quả, Giáp Lai, Thục Luyện, Võ Miếu, Thạch Khoán, Cự Thắng, Tất Thắng, Văn Miếu, Cự Đồng, Thắng Sơn, Tân Minh, Hương Cần, Khả Cửu, Đông Cửu, Tân Lập, Yên Lãng, Yên Lương, Thượng Cửu, Lương Nha, Yên Sơn, Tinh Nhuệ"
      ),
    ],
  },
  {
    name: "Tân Sơn",
    kind: "huyện",
    communes: xa(
      "Thạch Kiệt, Thu Cúc, Lai Đồng, Đồng Sơn, Tân Phú, Minh Đài, Văn Luông, Mỹ Thuận, Long Cốc, Tam Thanh, Vinh Tiền, Kiệt Sơn, Tân Sơn, Thu Ngạc, Xuân Đài, Kim Thượng, Xuân Sơn"
    ),
  },
];

/** "thanh ba", "Huyện Thanh Ba", "TX Phú Thọ" → the district, or undefined. */
export function findDistrict(name: string): District | undefined {
  const key = foldText(name)
    .replace(/^(huyen|thi xa|tx|thanh pho|tp)[\s.:]+/, "")
    .trim();
  return DISTRICTS.find((d) => foldText(d.name) === key);
}

/** Village names people use for khu, thôn, xóm. */
export const PLACE_NAMES = [
  "Đồng Xuân",
  "Mới",
  "Gò Chè",
  "Đồng Lạng",
  "Cầu Trắng",
  "Đình",
  "Chùa",
  "Giữa",
  "Trại",
  "Bến",
  "Dộc",
  "Đồi",
  "Làng Cả",
  "Tân Lập",
  "Tân Tiến",
  "Liên Hiệp",
  "Phú Lợi",
  "Đồng Tâm",
  "Quyết Tiến",
  "Thống Nhất",
  "Hòa Bình",
  "Đoàn Kết",
  "Cây Đa",
  "Đồng Bông",
  "Đá Bia",
  "Soi",
  "Cổng Đồng",
  "Ao Sen",
  "Gò Mít",
  "Đồng Giang",
  "Bình Sơn",
  "Xuân Thịnh",
  "Lũng",
  "Núi",
  "Thượng",
  "Hạ",
  "Đông",
  "Tây",
];
